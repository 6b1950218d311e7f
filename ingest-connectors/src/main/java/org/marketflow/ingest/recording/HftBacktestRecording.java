package org.marketflow.ingest.recording;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Reads a recording in the hftbacktest format: gzip, one {@code <receive ns> <message>} per line. A
 * line that does not have that shape is handed to the caller as a {@link MalformedLine}, never
 * thrown, so the replay goes on.
 */
public final class HftBacktestRecording implements Closeable {

  /** A line that is not {@code <receive ns> <message>}. */
  public record MalformedLine(long lineNumber, String raw, String reason) {}

  /** Receives each line of the file in order. */
  public interface LineHandler {
    void line(RecordingLine line) throws IOException;

    void malformed(MalformedLine line) throws IOException;
  }

  private final BufferedReader reader;
  private long lineNumber;

  private HftBacktestRecording(InputStream in) {
    this.reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
  }

  /** Opens a file, gunzipping it when its name ends in {@code .gz}. */
  public static HftBacktestRecording open(Path file) throws IOException {
    InputStream in = Files.newInputStream(file);
    return new HftBacktestRecording(
        file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(in, 1 << 16) : in);
  }

  /** Hands every line to {@code handler}; returns the number of lines read. */
  public long forEach(LineHandler handler) throws IOException {
    String raw;
    while ((raw = reader.readLine()) != null) {
      lineNumber++;
      int space = raw.indexOf(' ');
      if (space <= 0) {
        handler.malformed(new MalformedLine(lineNumber, raw, "no '<receive ns> <message>' shape"));
        continue;
      }
      long receiveNs;
      try {
        receiveNs = Long.parseLong(raw, 0, space, 10);
      } catch (NumberFormatException e) {
        handler.malformed(
            new MalformedLine(lineNumber, raw, "receive time is not an integer of nanoseconds"));
        continue;
      }
      handler.line(new RecordingLine(lineNumber, receiveNs, raw.substring(space + 1)));
    }
    return lineNumber;
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }
}
