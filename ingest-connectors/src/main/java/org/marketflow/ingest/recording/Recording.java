package org.marketflow.ingest.recording;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import org.marketflow.ingest.feed.Venue;

/**
 * A file of raw venue messages with their receive times, in one of the formats the suite reads (see
 * {@link Recordings#open}).
 */
public interface Recording extends Closeable {

  /** The venue whose messages it holds. */
  Venue venue();

  /** The file (for a cryptofeed recording, its WebSocket file). */
  Path file();

  /**
   * Hands every message to {@code handler} in the order received, REST snapshots included, and
   * every line that is not a message as {@link Handler#malformed}; never throws on bad content.
   */
  void forEach(Handler handler) throws IOException;

  /** Receives a recording's content in order. */
  interface Handler {

    /** A message received on the WebSocket (or, in hftbacktest files, an inline REST snapshot). */
    void message(org.marketflow.ingest.feed.RawMessage message) throws IOException;

    /** A REST book snapshot fetched for {@code symbol} (cryptofeed {@code *.http.*} files). */
    void restSnapshot(String symbol, org.marketflow.ingest.feed.RawMessage body) throws IOException;

    /**
     * A line that is not a message, or the part of a line a cut-short file ends with, and why. Its
     * receive time is 0 when the line does not have one.
     */
    void malformed(org.marketflow.ingest.feed.RawMessage line, String reason) throws IOException;
  }
}
