package org.marketflow.ingest.recording;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import org.marketflow.ingest.feed.RawMessage;
import org.marketflow.ingest.feed.Venue;
import org.marketflow.schemas.kafka.RecordOrigin;

/**
 * Reads a recording in the hftbacktest format: gzip, one {@code <receive ns> <message>} per line. A
 * line that does not have that shape is handed to the caller as a {@link MalformedLine}, never
 * thrown, so the replay goes on. Lines are read as bytes, not decoded text, so that a line with
 * invalid UTF-8 reaches its dead letter exactly as it is in the file.
 */
public final class HftBacktestRecording implements Recording {

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

    /**
     * The file ends in the middle of a compressed member (a copy cut short, a recorder killed):
     * nothing after {@code partial} can be read. Called at most once, last.
     *
     * @param partial the bytes of the line being read when the data ended, its number, and why
     */
    void truncated(MalformedLine partial) throws IOException;
  }

  private final ByteLines lines;
  private final Path file;
  private final Venue venue;
  private long lineNumber;

  private HftBacktestRecording(InputStream in, Path file, Venue venue) {
    this.lines = new ByteLines(in);
    this.file = file;
    this.venue = venue;
  }

  /**
   * Opens a file, gunzipping it when its name ends in {@code .gz}.
   *
   * @throws IllegalArgumentException naming the file when it is missing, not a readable regular
   *     file, empty, or not gzip although its name says so (see {@link #check})
   */
  public static HftBacktestRecording open(Path file) throws IOException {
    return open(file, venueOf(file));
  }

  /** Opens a recording of {@code venue}'s messages. */
  public static HftBacktestRecording open(Path file, Venue venue) throws IOException {
    check(file);
    InputStream in = Files.newInputStream(file);
    return new HftBacktestRecording(
        gzipped(file) ? new GZIPInputStream(in, 1 << 16) : in, file, venue);
  }

  /**
   * The venue of a recording from its file name, as hftbacktest and {@code ingest record} name
   * them: {@code usdm_*} is Binance USD-M futures, {@code coinbase_*} Coinbase, {@code kraken_*}
   * Kraken, anything else Binance spot.
   */
  public static Venue venueOf(Path file) {
    String name = file.getFileName().toString();
    if (name.startsWith("usdm_")) {
      return Venue.BINANCE_USDM;
    } else if (name.startsWith("coinbase_")) {
      return Venue.COINBASE;
    } else if (name.startsWith("kraken_")) {
      return Venue.KRAKEN;
    }
    return Venue.BINANCE_SPOT;
  }

  @Override
  public Venue venue() {
    return venue;
  }

  @Override
  public Path file() {
    return file;
  }

  @Override
  public void forEach(Recording.Handler handler) throws IOException {
    String name = file.getFileName().toString();
    forEach(
        new LineHandler() {
          @Override
          public void line(RecordingLine line) throws IOException {
            handler.message(
                new RawMessage(
                    line.message(),
                    line.receiveTimeNs(),
                    RecordOrigin.file(name, line.lineNumber())));
          }

          @Override
          public void malformed(MalformedLine line) throws IOException {
            handler.malformed(
                new RawMessage(line.raw(), 0L, RecordOrigin.file(name, line.lineNumber())),
                line.reason());
          }

          @Override
          public void truncated(MalformedLine partial) throws IOException {
            malformed(partial);
          }
        });
  }

  /**
   * Checks, before anything is started, that {@code file} can be a recording: an existing,
   * readable, non-empty regular file, in gzip when its name ends in {@code .gz}.
   *
   * @throws IllegalArgumentException with a one-line message naming the file and the problem
   */
  public static void check(Path file) throws IOException {
    if (!Files.exists(file)) {
      throw new IllegalArgumentException("recording " + file + " does not exist");
    }
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("recording " + file + " is not a file");
    }
    if (!Files.isReadable(file)) {
      throw new IllegalArgumentException("cannot read recording " + file);
    }
    if (Files.size(file) == 0) {
      throw new IllegalArgumentException("recording " + file + " is empty");
    }
    if (gzipped(file)) {
      byte[] magic = new byte[2];
      try (InputStream in = Files.newInputStream(file)) {
        if (in.readNBytes(magic, 0, 2) < 2
            || (magic[0] & 0xFF) != 0x1F
            || (magic[1] & 0xFF) != 0x8B) {
          throw new IllegalArgumentException(
              "recording " + file + " is not gzip, although its name ends in .gz");
        }
      }
    }
  }

  private static boolean gzipped(Path file) {
    return file.getFileName().toString().endsWith(".gz");
  }

  /** Hands every line to {@code handler}; returns the number of lines read. */
  public long forEach(LineHandler handler) throws IOException {
    byte[] raw;
    while ((raw = nextLineOrTruncation(handler)) != null) {
      lineNumber++;
      int space = ByteLines.indexOf(raw, (byte) ' ', 0);
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

  /** The next line, or {@code null} at the end of the data, reported to handler when cut short. */
  private byte[] nextLineOrTruncation(LineHandler handler) throws IOException {
    try {
      return lines.next();
    } catch (EOFException e) {
      handler.truncated(
          new MalformedLine(
              lineNumber + 1,
              lines.partial(),
              "the recording ends in the middle of a gzip member after line "
                  + lineNumber
                  + " ("
                  + e.getMessage()
                  + ")"));
      return null;
    }
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
    lines.close();
  }
}
