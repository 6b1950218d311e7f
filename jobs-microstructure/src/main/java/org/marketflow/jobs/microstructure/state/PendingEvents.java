package org.marketflow.jobs.microstructure.state;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.marketflow.jobs.microstructure.records.EventKind;
import org.marketflow.jobs.microstructure.records.InstrumentEvent;
import org.marketflow.jobs.microstructure.records.InstrumentEventSerializer;
import org.marketflow.jobs.microstructure.records.SerializedEvents;
import org.marketflow.jobs.microstructure.records.ShuffledBookUpdate;

/**
 * An instrument's events waiting for the watermark, in the order they apply: by time, then kind
 * (book update, status, trade: {@link EventKind}'s order), and in arrival order otherwise. Each is
 * kept as the bytes {@link InstrumentEventSerializer} writes, in one growing array, with its time,
 * kind and place in small parallel arrays; {@link #read} decodes one when it applies, {@link
 * #readBook} a book update where it lies.
 *
 * <p>Why bytes: while one Kafka partition runs ahead of another in event time (a replay reads every
 * partition at the same record rate, whatever the density of its event times), the watermark holds
 * the faster partition's events back, a million or more in the benchmark. As objects (the event,
 * its book update, level lists, levels, boxed fields: about 380 bytes in 11 objects an event, from
 * a heap histogram) they survived every young collection, and the collector's threads used 35–126 %
 * of a core through the benchmark's runs; as bytes (99 an event for the simulated books, and 17 in
 * the parallel arrays), 1–6 %.
 *
 * <p>Taking the first events off ({@link #removeFirst}) costs what was taken: the arrays are
 * compacted only once the events taken are at least half of those held.
 */
public final class PendingEvents {

  private static final int INITIAL_EVENTS = 16;
  private static final byte BOOK = (byte) EventKind.BOOK.ordinal();

  /** The events' bytes, in arrival order; events taken leave gaps until the next compaction. */
  private DataOutputSerializer data;

  // Per event, in the order they apply, from index head to count (exclusive).
  private long[] times;
  private byte[] kinds;
  private int[] starts;
  private int[] lengths;
  private int head;
  private int count;

  private final DataInputDeserializer reader = new DataInputDeserializer();

  public PendingEvents() {
    this(INITIAL_EVENTS, 1_024);
  }

  private PendingEvents(int events, int bytes) {
    data = new DataOutputSerializer(bytes);
    times = new long[events];
    kinds = new byte[events];
    starts = new int[events];
    lengths = new int[events];
  }

  /** Events held. */
  public int size() {
    return count - head;
  }

  public boolean isEmpty() {
    return count == head;
  }

  /** When the {@code i}-th event in order applies, epoch µs. */
  public long timeUs(int i) {
    return times[index(i)];
  }

  /** Whether the {@code i}-th event in order is a book update. */
  public boolean isBook(int i) {
    return kinds[index(i)] == BOOK;
  }

  /**
   * Reads the {@code i}-th event in order, a book update, where its bytes lie ({@link
   * ShuffledBookUpdate#read}): valid until the events change.
   *
   * @return whether its update decoded
   */
  public boolean readBook(int i, ShuffledBookUpdate into) {
    int at = index(i);
    return into.read(data.getSharedBuffer(), starts[at], lengths[at]);
  }

  /** A new copy of the {@code i}-th event in order, with the time it applies at. */
  public InstrumentEvent read(int i) {
    int at = index(i);
    reader.setBuffer(data.getSharedBuffer(), starts[at], lengths[at]);
    InstrumentEvent event;
    try {
      event = InstrumentEventSerializer.INSTANCE.deserialize(reader);
    } catch (IOException e) {
      throw new UncheckedIOException("corrupt pending event", e); // written by this class
    }
    event.timeUs = times[at];
    return event;
  }

  /**
   * Adds {@code event}, written now, at its {@code timeUs} (see {@link #add(long, EventKind,
   * byte[], int, int)}): for a caller holding events rather than their bytes.
   */
  public void add(InstrumentEvent event) {
    SerializedEvents one = SerializedEvents.of(List.of(event));
    add(event.timeUs, event.kind, one.bytes(), one.start(0), one.length(0));
  }

  /**
   * Adds the event whose {@link InstrumentEventSerializer} bytes are {@code bytes[offset, offset +
   * length)}, to apply at {@code timeUs} (which {@link #read} gives it, whatever time the bytes
   * hold), after every event that applies before it or with it: searched from the end, as events
   * mostly arrive in time order, so usually in O(1).
   */
  public void add(long timeUs, EventKind kind, byte[] bytes, int offset, int length) {
    append(timeUs, (byte) kind.ordinal(), bytes, offset, length);
    settleLast();
  }

  /** Moves the last event back past every event that applies after it. */
  private void settleLast() {
    int last = count - 1;
    long timeUs = times[last];
    byte kind = kinds[last];
    int start = starts[last];
    int length = lengths[last];
    int at = last;
    while (at > head && after(at - 1, timeUs, kind)) {
      at--;
    }
    int moved = last - at;
    if (moved > 0) {
      System.arraycopy(times, at, times, at + 1, moved);
      System.arraycopy(kinds, at, kinds, at + 1, moved);
      System.arraycopy(starts, at, starts, at + 1, moved);
      System.arraycopy(lengths, at, lengths, at + 1, moved);
      times[at] = timeUs;
      kinds[at] = kind;
      starts[at] = start;
      lengths[at] = length;
    }
  }

  private boolean after(int at, long timeUs, byte kind) {
    return times[at] > timeUs || (times[at] == timeUs && kinds[at] > kind);
  }

  /** Takes the first {@code n} events in order off. */
  public void removeFirst(int n) {
    if (n < 0 || n > size()) {
      throw new IndexOutOfBoundsException(n + " of " + size() + " pending events");
    }
    head += n;
    if (head == count) {
      head = 0;
      count = 0;
      data.clear();
    } else if (head >= INITIAL_EVENTS && 2 * head >= count) {
      compact();
    }
  }

  /** Moves the events held to the front of fresh arrays, their bytes in the order they apply. */
  private void compact() {
    int held = size();
    int bytes = 0;
    for (int i = head; i < count; i++) {
      bytes += lengths[i];
    }
    PendingEvents compacted =
        new PendingEvents(Math.max(INITIAL_EVENTS, 2 * held), Math.max(1_024, 2 * bytes));
    for (int i = head; i < count; i++) {
      compacted.append(times[i], kinds[i], data.getSharedBuffer(), starts[i], lengths[i]);
    }
    data = compacted.data;
    times = compacted.times;
    kinds = compacted.kinds;
    starts = compacted.starts;
    lengths = compacted.lengths;
    head = 0;
    count = held;
  }

  /** Adds an event's bytes after every event held (their order is the caller's). */
  void append(long timeUs, byte kind, byte[] bytes, int offset, int length) {
    if (count == times.length) {
      grow(); // before writing: growing may compact the bytes
    }
    int start = data.length();
    try {
      data.write(bytes, offset, length);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // in memory: none
    }
    push(timeUs, kind, start, length);
  }

  private void push(long timeUs, byte kind, int start, int length) {
    times[count] = timeUs;
    kinds[count] = kind;
    starts[count] = start;
    lengths[count] = length;
    count++;
  }

  private void grow() {
    if (head > 0 && 2 * head >= count) {
      compact();
      if (count < times.length) {
        return;
      }
    }
    int capacity = Math.max(INITIAL_EVENTS, 2 * times.length);
    times = Arrays.copyOf(times, capacity);
    kinds = Arrays.copyOf(kinds, capacity);
    starts = Arrays.copyOf(starts, capacity);
    lengths = Arrays.copyOf(lengths, capacity);
  }

  /** The {@code i}-th event's kind, as {@code EventKind}'s ordinal. */
  byte kind(int i) {
    return kinds[index(i)];
  }

  byte[] bytes() {
    return data.getSharedBuffer();
  }

  int start(int i) {
    return starts[index(i)];
  }

  int length(int i) {
    return lengths[index(i)];
  }

  /** A deep copy: the events held, compacted. */
  public PendingEvents copy() {
    PendingEvents copy = new PendingEvents(Math.max(INITIAL_EVENTS, size()), 1_024);
    for (int i = head; i < count; i++) {
      copy.append(times[i], kinds[i], data.getSharedBuffer(), starts[i], lengths[i]);
    }
    return copy;
  }

  /** Equal when they hold the same events (times, kinds and bytes) in the same order. */
  @Override
  public boolean equals(Object other) {
    if (!(other instanceof PendingEvents that) || that.size() != size()) {
      return false;
    }
    for (int i = 0; i < size(); i++) {
      int a = head + i;
      int b = that.head + i;
      if (times[a] != that.times[b]
          || kinds[a] != that.kinds[b]
          || !Arrays.equals(
              bytes(),
              starts[a],
              starts[a] + lengths[a],
              that.bytes(),
              that.starts[b],
              that.starts[b] + that.lengths[b])) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    int hash = size();
    for (int i = head; i < count; i++) {
      hash = 31 * hash + Long.hashCode(times[i]);
    }
    return hash;
  }

  @Override
  public String toString() {
    return size() + " pending events";
  }

  private int index(int i) {
    if (i < 0 || i >= size()) {
      throw new IndexOutOfBoundsException(i + " of " + size() + " pending events");
    }
    return head + i;
  }
}
