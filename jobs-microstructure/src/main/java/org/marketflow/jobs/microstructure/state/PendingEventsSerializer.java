package org.marketflow.jobs.microstructure.state;

import java.io.IOException;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Writes {@link PendingEvents} for Flink state: the count, then each event in the order it applies
 * as its time (long), kind (byte), length (int) and the bytes {@code InstrumentEventSerializer}
 * wrote. A restore copies the bytes back without decoding them.
 */
public final class PendingEventsSerializer extends TypeSerializerSingleton<PendingEvents> {

  private static final long serialVersionUID = 1L;

  public static final PendingEventsSerializer INSTANCE = new PendingEventsSerializer();

  private PendingEventsSerializer() {}

  @Override
  public boolean isImmutableType() {
    return false;
  }

  @Override
  public PendingEvents createInstance() {
    return new PendingEvents();
  }

  @Override
  public PendingEvents copy(PendingEvents from) {
    return from.copy();
  }

  @Override
  public PendingEvents copy(PendingEvents from, PendingEvents reuse) {
    return from.copy();
  }

  @Override
  public int getLength() {
    return -1;
  }

  @Override
  public void serialize(PendingEvents events, DataOutputView target) throws IOException {
    int size = events.size();
    target.writeInt(size);
    byte[] bytes = events.bytes();
    for (int i = 0; i < size; i++) {
      target.writeLong(events.timeUs(i));
      target.writeByte(events.kind(i));
      target.writeInt(events.length(i));
      target.write(bytes, events.start(i), events.length(i));
    }
  }

  @Override
  public PendingEvents deserialize(DataInputView source) throws IOException {
    int size = source.readInt();
    if (size < 0) {
      throw new IOException("corrupt PendingEvents: " + size + " events");
    }
    PendingEvents events = new PendingEvents();
    byte[] bytes = new byte[256];
    for (int i = 0; i < size; i++) {
      long timeUs = source.readLong();
      byte kind = source.readByte();
      int length = source.readInt();
      if (length < 0) {
        throw new IOException("corrupt PendingEvents: an event of " + length + " bytes");
      }
      if (length > bytes.length) {
        bytes = new byte[Math.max(length, 2 * bytes.length)];
      }
      source.readFully(bytes, 0, length);
      events.append(timeUs, kind, bytes, 0, length);
    }
    return events;
  }

  @Override
  public PendingEvents deserialize(PendingEvents reuse, DataInputView source) throws IOException {
    return deserialize(source);
  }

  @Override
  public void copy(DataInputView source, DataOutputView target) throws IOException {
    serialize(deserialize(source), target);
  }

  @Override
  public TypeSerializerSnapshot<PendingEvents> snapshotConfiguration() {
    return new PendingEventsSerializerSnapshot();
  }

  /** Restores the serializer from a checkpoint or savepoint; it has no configuration. */
  public static final class PendingEventsSerializerSnapshot
      extends SimpleTypeSerializerSnapshot<PendingEvents> {

    public PendingEventsSerializerSnapshot() {
      super(() -> INSTANCE);
    }
  }
}
