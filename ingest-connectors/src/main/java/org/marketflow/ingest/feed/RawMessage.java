package org.marketflow.ingest.feed;

import java.nio.charset.StandardCharsets;
import org.marketflow.schemas.kafka.RecordOrigin;

/**
 * One message as a venue sent it, before parsing: its exact bytes, when it was received, and where
 * it was read (a file line, or a connection and message number), for its dead letter.
 *
 * @param receiveTimeNs local receive time, nanoseconds since the epoch
 */
public record RawMessage(byte[] bytes, long receiveTimeNs, RecordOrigin origin) {

  /** A message of {@code text} in UTF-8; for tests and tools. */
  public static RawMessage of(String text, long receiveTimeNs, RecordOrigin origin) {
    return new RawMessage(text.getBytes(StandardCharsets.UTF_8), receiveTimeNs, origin);
  }

  public long receiveTimeUs() {
    return receiveTimeNs / 1_000L;
  }

  public String text() {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
