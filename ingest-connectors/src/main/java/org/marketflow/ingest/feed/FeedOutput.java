package org.marketflow.ingest.feed;

import org.marketflow.schemas.avro.Quote;
import org.marketflow.schemas.avro.Trade;
import org.marketflow.schemas.kafka.RecordOrigin;

/**
 * Where a venue feed sends its results: the normalized records, the dead letters of what it could
 * not use, and (for counting only) what it received and what it left out. Kafka, the recording
 * check and the tests each implement it; {@link FeedTally} counts what passes through.
 */
public interface FeedOutput extends BookOutput {

  void trade(Trade trade);

  void quote(Quote quote);

  /**
   * A message that cannot be used, with its exact bytes.
   *
   * @param stage where it was refused, e.g. {@code ingest.replay.binance}
   * @param atUs when it was received, epoch microseconds (0 when unknown)
   */
  void deadLetter(String stage, String reason, RecordOrigin origin, long atUs, byte[] raw);

  /**
   * A valid message arrived.
   *
   * @param instrument its instrument id, or {@code null} for a message of no instrument (a
   *     subscription acknowledgement)
   * @param type the venue's message type, e.g. {@code depthUpdate}, {@code l2update}
   */
  default void received(String instrument, String type) {}

  /** A valid message that is not published, and why: a kind not normalized, a repeated trade. */
  default void ignored(String instrument, String why) {}

  /** A book update whose venue checksum was verified against the handler's book. */
  default void checksumVerified(String instrument) {}

  /** Waits until everything sent so far is delivered (acknowledged by Kafka). */
  default void flush() {}
}
