package org.marketflow.schemas.kafka;

import java.io.Serializable;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.marketflow.schemas.avro.DeadLetter;

/**
 * The one way to make a {@link DeadLetter}: the stage and reason, where the record came from, its
 * event time and its exact raw bytes. A record too large for the dead-letter topic is cut to {@link
 * #maxRawBytes()} bytes, flagged {@code rawTruncated}, with its {@code originalSize}, so that
 * publishing it can never fail the producer (Kafka's default limit is 1 MiB a record).
 */
public final class DeadLetters implements Serializable {

  /**
   * The raw bytes kept by default: Kafka's default {@code max.message.bytes} (1 MiB) less room for
   * the other fields and the record batch overhead.
   */
  public static final int DEFAULT_MAX_RAW_BYTES = 1_000_000;

  /** Reasons are cut to this many characters: an exception message may quote a whole record. */
  public static final int MAX_REASON_CHARS = 2_000;

  public static final DeadLetters DEFAULT = new DeadLetters(DEFAULT_MAX_RAW_BYTES);

  private final int maxRawBytes;

  private DeadLetters(int maxRawBytes) {
    this.maxRawBytes = maxRawBytes;
  }

  /** Dead letters that keep at most {@code maxRawBytes} of the raw record. */
  public static DeadLetters withMaxRawBytes(int maxRawBytes) {
    if (maxRawBytes < 0) {
      throw new IllegalArgumentException("maxRawBytes must be >= 0, not " + maxRawBytes);
    }
    return maxRawBytes == DEFAULT_MAX_RAW_BYTES ? DEFAULT : new DeadLetters(maxRawBytes);
  }

  public int maxRawBytes() {
    return maxRawBytes;
  }

  /**
   * A dead letter for a rejected record.
   *
   * @param stage where it was rejected, e.g. {@code jobs-ohlc.decode}
   * @param reason why, for a person to read
   * @param origin where it was read
   * @param atUs its event time when known, else its receive time; epoch microseconds UTC
   * @param raw the record exactly as it was read; {@code null} for none
   */
  public DeadLetter of(String stage, String reason, RecordOrigin origin, long atUs, byte[] raw) {
    byte[] bytes = raw == null ? new byte[0] : raw;
    boolean truncated = bytes.length > maxRawBytes;
    return DeadLetter.newBuilder()
        .setStage(stage)
        .setReason(shorten(reason))
        .setSourceTopic(origin.source())
        .setSourcePartition(origin.partition())
        .setSourceOffset(origin.position())
        .setRejectedAtUs(atUs)
        .setRaw(ByteBuffer.wrap(truncated ? Arrays.copyOf(bytes, maxRawBytes) : bytes))
        .setRawTruncated(truncated)
        .setOriginalSize(bytes.length)
        .build();
  }

  private static String shorten(String reason) {
    String text = String.valueOf(reason);
    return text.length() <= MAX_REASON_CHARS
        ? text
        : text.substring(0, MAX_REASON_CHARS - 1) + "\u2026";
  }
}
