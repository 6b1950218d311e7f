package org.marketflow.jobs.microstructure.records;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.core.memory.DataOutputView;
import org.marketflow.jobs.common.records.SerializerTypeInfo;

/**
 * Writes an instrument's list of events across the shuffle: the count, then each event's length and
 * the bytes {@link InstrumentEventSerializer} writes for it. It reads them back as {@link
 * SerializedEvents}, without decoding them; a {@code SerializedEvents} is written by copying its
 * bytes. Lists cross the shuffle only: none is ever in a checkpoint.
 *
 * <p>Not a singleton: it writes each event into a buffer of its own first, to learn its length, so
 * every thread gets its own ({@link #duplicate}).
 */
public final class InstrumentEventsSerializer extends TypeSerializer<List<InstrumentEvent>> {

  private static final long serialVersionUID = 1L;

  /** The Flink type of the lists. */
  @SuppressWarnings("unchecked")
  public static final TypeInformation<List<InstrumentEvent>> TYPE =
      new SerializerTypeInfo<>(
          (Class<List<InstrumentEvent>>) (Class<?>) List.class, new InstrumentEventsSerializer());

  private transient DataOutputSerializer event;

  @Override
  public boolean isImmutableType() {
    return false;
  }

  @Override
  public TypeSerializer<List<InstrumentEvent>> duplicate() {
    return new InstrumentEventsSerializer();
  }

  @Override
  public List<InstrumentEvent> createInstance() {
    return new ArrayList<>();
  }

  @Override
  public List<InstrumentEvent> copy(List<InstrumentEvent> from) {
    if (from instanceof SerializedEvents) {
      return from; // read-only
    }
    List<InstrumentEvent> copy = new ArrayList<>(from.size());
    for (InstrumentEvent e : from) {
      copy.add(InstrumentEventSerializer.INSTANCE.copy(e));
    }
    return copy;
  }

  @Override
  public List<InstrumentEvent> copy(List<InstrumentEvent> from, List<InstrumentEvent> reuse) {
    return copy(from);
  }

  @Override
  public int getLength() {
    return -1;
  }

  @Override
  public void serialize(List<InstrumentEvent> events, DataOutputView target) throws IOException {
    int n = events.size();
    target.writeInt(n);
    if (events instanceof SerializedEvents serialized) {
      for (int i = 0; i < n; i++) {
        target.writeInt(serialized.length(i));
        target.write(serialized.bytes(), serialized.start(i), serialized.length(i));
      }
      return;
    }
    if (event == null) {
      event = new DataOutputSerializer(256);
    }
    for (int i = 0; i < n; i++) {
      event.clear();
      InstrumentEventSerializer.INSTANCE.serialize(events.get(i), event);
      target.writeInt(event.length());
      target.write(event.getSharedBuffer(), 0, event.length());
    }
  }

  @Override
  public List<InstrumentEvent> deserialize(DataInputView source) throws IOException {
    int n = source.readInt();
    if (n < 0) {
      throw new IOException("corrupt list of events: " + n + " events");
    }
    int[] starts = new int[n];
    int[] lengths = new int[n];
    byte[] bytes = new byte[Math.max(64, 96 * n)];
    int end = 0;
    for (int i = 0; i < n; i++) {
      int length = source.readInt();
      if (length < 0) {
        throw new IOException("corrupt list of events: an event of " + length + " bytes");
      }
      if (end + length > bytes.length) {
        bytes = Arrays.copyOf(bytes, Math.max(end + length, 2 * bytes.length));
      }
      source.readFully(bytes, end, length);
      starts[i] = end;
      lengths[i] = length;
      end += length;
    }
    return new SerializedEvents(bytes, starts, lengths, n);
  }

  @Override
  public List<InstrumentEvent> deserialize(List<InstrumentEvent> reuse, DataInputView source)
      throws IOException {
    return deserialize(source);
  }

  @Override
  public void copy(DataInputView source, DataOutputView target) throws IOException {
    int n = source.readInt();
    target.writeInt(n);
    for (int i = 0; i < n; i++) {
      int length = source.readInt();
      target.writeInt(length);
      target.write(source, length);
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof InstrumentEventsSerializer;
  }

  @Override
  public int hashCode() {
    return InstrumentEventsSerializer.class.hashCode();
  }

  @Override
  public TypeSerializerSnapshot<List<InstrumentEvent>> snapshotConfiguration() {
    return new InstrumentEventsSerializerSnapshot();
  }

  /** Restores the serializer; it has no configuration. */
  public static final class InstrumentEventsSerializerSnapshot
      extends SimpleTypeSerializerSnapshot<List<InstrumentEvent>> {

    public InstrumentEventsSerializerSnapshot() {
      super(InstrumentEventsSerializer::new);
    }
  }
}
