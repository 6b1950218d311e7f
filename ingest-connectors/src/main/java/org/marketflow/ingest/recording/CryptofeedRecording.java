package org.marketflow.ingest.recording;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Reads a WebSocket recording in the cryptofeed format: a first line naming the connection, then
 * one {@code <receive time, seconds with fraction>: <raw message>} per line; lines with {@code <-}
 * are what the client sent and are skipped. Messages are handed over as the file's bytes.
 */
public final class CryptofeedRecording implements Closeable {

  private final InputStream in;
  private long lineNumber;

  private CryptofeedRecording(InputStream in) {
    this.in = in;
  }

  public static CryptofeedRecording open(Path file) throws IOException {
    HftBacktestRecording.check(file);
    return new CryptofeedRecording(Files.newInputStream(file));
  }

  /** Hands every received message to {@code handler}; returns the number of lines read. */
  public long forEach(Consumer<RecordingLine> handler) throws IOException {
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.ISO_8859_1), 1 << 16)) {
      // ISO-8859-1 maps every byte to one char, so the line's bytes come back exactly.
      String line;
      while ((line = reader.readLine()) != null) {
        lineNumber++;
        int colon = line.indexOf(": ");
        if (lineNumber == 1 || line.contains(" <- ") || colon <= 0) {
          continue;
        }
        long receiveNs;
        try {
          // Exact: a double holds the 19 digits of nanoseconds since the epoch only to ~256 ns.
          receiveNs = new BigDecimal(line.substring(0, colon)).movePointRight(9).longValue();
        } catch (NumberFormatException e) {
          continue;
        }
        byte[] bytes = line.getBytes(StandardCharsets.ISO_8859_1);
        handler.accept(
            new RecordingLine(
                lineNumber, receiveNs, Arrays.copyOfRange(bytes, colon + 2, bytes.length)));
      }
    }
    return lineNumber;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
