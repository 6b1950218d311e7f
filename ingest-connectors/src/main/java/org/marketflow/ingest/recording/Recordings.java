package org.marketflow.ingest.recording;

import java.io.IOException;
import java.nio.file.Path;
import org.marketflow.ingest.feed.Venue;

/** Opens a recording of any format the suite reads, telling the format from the file's name. */
public final class Recordings {

  private Recordings() {}

  /**
   * Opens {@code file}: a cryptofeed WebSocket file ({@code <FEED>.ws.<n>.<m>}, with its {@code
   * <FEED>.http.*} REST snapshots beside it), or else an hftbacktest file ({@code <receive ns>
   * <message>} lines, gzip when named {@code .gz}).
   *
   * @param venue the venue of an hftbacktest file, or {@code null} to take it from the name
   * @throws IllegalArgumentException with a one-line message naming the file and the problem
   */
  public static Recording open(Path file, Venue venue) throws IOException {
    HftBacktestRecording.check(file);
    String name = file.getFileName().toString();
    if (name.matches("[A-Z_]+\\.http\\.\\d+\\.\\d+")) {
      throw new IllegalArgumentException(
          "recording "
              + file
              + " holds REST responses: replay the .ws. file beside it, which reads them too");
    }
    if (CryptofeedRecording.isNamedLikeOne(file)) {
      return CryptofeedRecording.open(file);
    }
    return venue == null ? HftBacktestRecording.open(file) : HftBacktestRecording.open(file, venue);
  }
}
