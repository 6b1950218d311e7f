package org.marketflow.ingest.recording;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

/**
 * Reads a recording in the hftbacktest format: gzip, one {@code <receive ns> <message>} per line. A
 * line that does not have that shape is handed to the caller as a {@link MalformedLine}, never
 * thrown, so the replay goes on. Lines are read as bytes, not decoded text, so that a line with
 * invalid UTF-8 reaches its dead letter exactly as it is in the file.
 */
public final class HftBacktestRecording implements Closeable {

  /** A line that is not {@code <receive ns> <message>}, with its exact bytes. */
  public record MalformedLine(long lineNumber, byte[] raw, String reason) {

    public MalformedLine(long lineNumber, String raw, String reason) {
      this(lineNumber, raw.getBytes(StandardCharsets.UTF_8), reason);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof MalformedLine other
          && lineNumber == other.lineNumber
          && Arrays.equals(raw, other.raw)
          && reason.equals(other.reason);
    }

    @Override
    public int hashCode() {
      return 31 * Long.hashCode(lineNumber) + Arrays.hashCode(raw);
    }

    @Override
    public String toString() {
      return "MalformedLine["
          + lineNumber
          + ", "
          + new String(raw, StandardCharsets.UTF_8)
          + ", "
          + reason
          + "]";
    }
  }

  /** Receives each line of the file in order. */
  public interface LineHandler {
    void line(RecordingLine line) throws IOException;

    void malformed(MalformedLine line) throws IOException;
  }

  private final InputStream in;
  private final byte[] buffer = new byte[1 << 16];
  private int position;
  private int limit;
  private final ByteArrayOutputStream line = new ByteArrayOutputStream(4096);
  private long lineNumber;

  private HftBacktestRecording(InputStream in) {
    this.in = in;
  }

  /** Opens a file, gunzipping it when its name ends in {@code .gz}. */
  public static HftBacktestRecording open(Path file) throws IOException {
    InputStream in = Files.newInputStream(file);
    return new HftBacktestRecording(
        file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(in, 1 << 16) : in);
  }

  /** Hands every line to {@code handler}; returns the number of lines read. */
  public long forEach(LineHandler handler) throws IOException {
    byte[] raw;
    while ((raw = nextLine()) != null) {
      lineNumber++;
      int space = indexOf(raw, (byte) ' ');
      if (space <= 0) {
        handler.malformed(new MalformedLine(lineNumber, raw, "no '<receive ns> <message>' shape"));
        continue;
      }
      long receiveNs = nanos(raw, space);
      if (receiveNs < 0) {
        handler.malformed(
            new MalformedLine(lineNumber, raw, "receive time is not an integer of nanoseconds"));
        continue;
      }
      handler.line(
          new RecordingLine(lineNumber, receiveNs, Arrays.copyOfRange(raw, space + 1, raw.length)));
    }
    return lineNumber;
  }

  /** The next line without its {@code \n} (or {@code \r\n}), or {@code null} at the end. */
  private byte[] nextLine() throws IOException {
    line.reset();
    boolean ended = false;
    while (!ended) {
      if (position == limit) {
        limit = in.read(buffer);
        position = 0;
        if (limit <= 0) {
          limit = 0;
          if (line.size() == 0) {
            return null;
          }
          break;
        }
      }
      int start = position;
      while (position < limit && buffer[position] != '\n') {
        position++;
      }
      line.write(buffer, start, position - start);
      if (position < limit) {
        position++; // the '\n'
        ended = true;
      }
    }
    byte[] bytes = line.toByteArray();
    return bytes.length > 0 && bytes[bytes.length - 1] == '\r'
        ? Arrays.copyOf(bytes, bytes.length - 1)
        : bytes;
  }

  private static int indexOf(byte[] bytes, byte value) {
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == value) {
        return i;
      }
    }
    return -1;
  }

  /** The decimal digits before {@code end}, or -1 when they are not a non-negative long. */
  private static long nanos(byte[] bytes, int end) {
    long value = 0;
    for (int i = 0; i < end; i++) {
      int digit = bytes[i] - '0';
      if (digit < 0 || digit > 9 || value > (Long.MAX_VALUE - digit) / 10) {
        return -1;
      }
      value = value * 10 + digit;
    }
    return value;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
