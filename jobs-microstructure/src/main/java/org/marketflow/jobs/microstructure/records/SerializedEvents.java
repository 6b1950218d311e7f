package org.marketflow.jobs.microstructure.records;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;

/**
 * An instrument's events as they crossed the shuffle: the bytes {@link InstrumentEventSerializer}
 * wrote for each, decoded only by {@link #get}. The keyed operator reads each event's kind and time
 * from its first bytes and copies the bytes into the events waiting for the watermark ({@code
 * PendingEvents}) as they are, so that an event is decoded once, when it applies, instead of also
 * when it arrives, and written once, at the source.
 *
 * <p>Read-only. {@link InstrumentEventsSerializer} makes it on the receiving side of the shuffle;
 * {@link #of} makes it from events (a chained operator, a test).
 */
public final class SerializedEvents extends AbstractList<InstrumentEvent> implements RandomAccess {

  private static final EventKind[] KINDS = EventKind.values();

  // The event header InstrumentEventSerializer writes: kind (byte), time (long), partition, offset.
  private static final int TIME_AT = 1;

  private final byte[] bytes;
  private final int[] starts;
  private final int[] lengths;
  private final int size;

  SerializedEvents(byte[] bytes, int[] starts, int[] lengths, int size) {
    this.bytes = bytes;
    this.starts = starts;
    this.lengths = lengths;
    this.size = size;
  }

  /** {@code events} as they are if serialized already, else written now. */
  public static SerializedEvents of(List<InstrumentEvent> events) {
    if (events instanceof SerializedEvents serialized) {
      return serialized;
    }
    int n = events.size();
    DataOutputSerializer out = new DataOutputSerializer(128 * Math.max(1, n));
    int[] starts = new int[n];
    int[] lengths = new int[n];
    try {
      for (int i = 0; i < n; i++) {
        starts[i] = out.length();
        InstrumentEventSerializer.INSTANCE.serialize(events.get(i), out);
        lengths[i] = out.length() - starts[i];
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write events", e); // in memory: none
    }
    return new SerializedEvents(out.getCopyOfBuffer(), starts, lengths, n);
  }

  @Override
  public int size() {
    return size;
  }

  /** A new copy of the {@code i}-th event, decoded. */
  @Override
  public InstrumentEvent get(int i) {
    checkIndex(i);
    try {
      return InstrumentEventSerializer.INSTANCE.deserialize(
          new DataInputDeserializer(bytes, starts[i], lengths[i]));
    } catch (IOException e) {
      throw new UncheckedIOException("corrupt shuffled event " + i, e);
    }
  }

  /** The {@code i}-th event's kind, without decoding it. */
  public EventKind kind(int i) {
    checkIndex(i);
    int ordinal = bytes[starts[i]];
    if (ordinal < 0 || ordinal >= KINDS.length) {
      throw new IllegalStateException("corrupt shuffled event " + i + ": kind " + ordinal);
    }
    return KINDS[ordinal];
  }

  /** The {@code i}-th event's time, epoch µs, without decoding it. */
  public long timeUs(int i) {
    checkIndex(i);
    long time = 0;
    for (int at = starts[i] + TIME_AT, end = at + Long.BYTES; at < end; at++) {
      time = (time << 8) | (bytes[at] & 0xFF); // big-endian, as DataOutput writes it
    }
    return time;
  }

  /**
   * The {@code i}-th event's instrument; a book update's is read from the head of its bytes, so
   * that keying a list decodes no book update (and keys one that does not decode).
   */
  public String instrument(int i) {
    if (kind(i) != EventKind.BOOK) {
      return get(i).instrument();
    }
    return InstrumentEventSerializer.bookInstrument(bytes, starts[i], lengths[i]);
  }

  /** The array holding every event's bytes; read only. */
  public byte[] bytes() {
    return bytes;
  }

  public int start(int i) {
    checkIndex(i);
    return starts[i];
  }

  public int length(int i) {
    checkIndex(i);
    return lengths[i];
  }

  private void checkIndex(int i) {
    if (i < 0 || i >= size) {
      throw new IndexOutOfBoundsException(i + " of " + size + " events");
    }
  }

  /** Equal to another list of the same events: byte for byte when both are serialized. */
  @Override
  public boolean equals(Object other) {
    if (!(other instanceof SerializedEvents that)) {
      return other instanceof List<?> && super.equals(other);
    }
    if (that.size != size) {
      return false;
    }
    for (int i = 0; i < size; i++) {
      if (!Arrays.equals(
          bytes,
          starts[i],
          starts[i] + lengths[i],
          that.bytes,
          that.starts[i],
          that.starts[i] + that.lengths[i])) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    int hash = 1;
    for (int i = 0; i < size; i++) {
      for (int at = starts[i], end = at + lengths[i]; at < end; at++) {
        hash = 31 * hash + bytes[at];
      }
    }
    return hash;
  }
}
