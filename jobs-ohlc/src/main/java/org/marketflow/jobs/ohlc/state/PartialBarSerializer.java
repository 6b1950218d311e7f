package org.marketflow.jobs.ohlc.state;

import java.io.IOException;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.StringValue;
import org.marketflow.jobs.ohlc.records.OhlcAccumulator;
import org.marketflow.jobs.ohlc.records.PartialBar;

/**
 * Writes a {@link PartialBar} across the shuffle: the instrument, the bar's start and its values in
 * the bar state's layout. Only the network uses it; no checkpoint holds a partial bar, since they
 * are all sent before the barrier.
 */
public final class PartialBarSerializer extends TypeSerializerSingleton<PartialBar> {

  private static final long serialVersionUID = 1L;

  public static final PartialBarSerializer INSTANCE = new PartialBarSerializer();

  private PartialBarSerializer() {}

  @Override
  public boolean isImmutableType() {
    return false;
  }

  @Override
  public PartialBar createInstance() {
    return new PartialBar(null, 0, new OhlcAccumulator());
  }

  @Override
  public PartialBar copy(PartialBar from) {
    OhlcAccumulator values = new OhlcAccumulator();
    values.merge(from.values);
    return new PartialBar(from.instrument, from.startMs, values);
  }

  @Override
  public PartialBar copy(PartialBar from, PartialBar reuse) {
    return copy(from);
  }

  @Override
  public int getLength() {
    return -1;
  }

  @Override
  public void serialize(PartialBar partial, DataOutputView target) throws IOException {
    StringValue.writeString(partial.instrument, target);
    target.writeLong(partial.startMs);
    InstrumentBarsSerializer.writeValues(partial.values, target);
  }

  @Override
  public PartialBar deserialize(DataInputView source) throws IOException {
    String instrument = StringValue.readString(source);
    long startMs = source.readLong();
    return new PartialBar(instrument, startMs, InstrumentBarsSerializer.readValues(source));
  }

  @Override
  public PartialBar deserialize(PartialBar reuse, DataInputView source) throws IOException {
    return deserialize(source);
  }

  @Override
  public void copy(DataInputView source, DataOutputView target) throws IOException {
    serialize(deserialize(source), target);
  }

  @Override
  public TypeSerializerSnapshot<PartialBar> snapshotConfiguration() {
    return new PartialBarSerializerSnapshot();
  }

  /** Restores the serializer; it has no configuration. */
  public static final class PartialBarSerializerSnapshot
      extends SimpleTypeSerializerSnapshot<PartialBar> {

    public PartialBarSerializerSnapshot() {
      super(() -> INSTANCE);
    }
  }
}
