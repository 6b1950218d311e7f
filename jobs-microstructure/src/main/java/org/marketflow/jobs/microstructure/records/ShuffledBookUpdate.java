package org.marketflow.jobs.microstructure.records;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.apache.flink.core.memory.DataInputDeserializer;

/**
 * A book update event in the bytes {@link InstrumentEventSerializer} writes for it, read where they
 * lie: its Kafka position, and its update decoded into a {@link DecodedBookUpdate} that the next
 * read overwrites. The book operator reads each waiting update this way when it applies, with no
 * event object and no copy of the bytes; only a dead letter copies them ({@link #avro}).
 *
 * <p>Not thread-safe; the bytes must not change until the next read.
 */
public final class ShuffledBookUpdate {

  private final DataInputDeserializer header = new DataInputDeserializer();
  private final DecodedBookUpdate update = new DecodedBookUpdate();
  private int partition;
  private long offset;
  private byte[] bytes;
  private int avroStart;
  private int avroLength;
  private String undecodable;

  /**
   * Reads the book update event in {@code bytes[start, start + length)}.
   *
   * @return whether its update decoded; if not, {@link #undecodable} says why
   * @throws UncheckedIOException when the bytes are not a book update event, which this job wrote
   */
  public boolean read(byte[] bytes, int start, int length) {
    header.setBuffer(bytes, start, length);
    try {
      if (header.readByte() != EventKind.BOOK.ordinal()) {
        throw new IOException("not a book update event");
      }
      header.skipBytesToRead(Long.BYTES); // the time it applies at is its place in the queue's
      partition = header.readInt();
      offset = header.readLong();
      avroLength = header.readInt();
      if (avroLength != length - InstrumentEventSerializer.BOOK_AVRO_AT) {
        throw new IOException(
            "a book update of " + avroLength + " bytes in an event of " + length + " bytes");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("corrupt book update event", e);
    }
    this.bytes = bytes;
    avroStart = start + InstrumentEventSerializer.BOOK_AVRO_AT;
    try {
      update.decode(bytes, avroStart, avroLength);
      undecodable = null;
      return true;
    } catch (IOException e) {
      undecodable = InstrumentEventSerializer.undecodable(e);
      return false;
    }
  }

  /** The update read, if it decoded. */
  public DecodedBookUpdate update() {
    return update;
  }

  /** Why the update read does not decode, or {@code null} when it does. */
  public String undecodable() {
    return undecodable;
  }

  /** The Kafka partition the update was read from. */
  public int partition() {
    return partition;
  }

  public long offset() {
    return offset;
  }

  /** A copy of the update's Avro bytes, as read from Kafka. */
  public byte[] avro() {
    return Arrays.copyOfRange(bytes, avroStart, avroStart + avroLength);
  }
}
