package org.marketflow.jobs.ohlc.state;

import it.unimi.dsi.fastutil.longs.LongIterator;
import it.unimi.dsi.fastutil.longs.LongOpenHashSet;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.marketflow.jobs.ohlc.records.OhlcAccumulator;

/**
 * Writes {@link InstrumentBars} for Flink state: the timer's time, the interval count, then per
 * interval its length, its bar count and each bar (start, end, revision, its values, and its trade
 * id keys when it keeps them). 132 bytes a bar plus 8 an id.
 *
 * <p>Hand-written because the bars hold a set of ids and an array of lists, which Flink's POJO
 * serializer does not take without Kryo (turned off for every job: slower and not evolvable). With
 * the heap (HashMap) state backend, for which the job is built, only checkpoints go through it.
 */
public final class InstrumentBarsSerializer extends TypeSerializerSingleton<InstrumentBars> {

  private static final long serialVersionUID = 1L;

  public static final InstrumentBarsSerializer INSTANCE = new InstrumentBarsSerializer();

  private static final int NO_IDS = -1;

  private InstrumentBarsSerializer() {}

  @Override
  public boolean isImmutableType() {
    return false;
  }

  @Override
  public InstrumentBars createInstance() {
    return new InstrumentBars(new long[0]);
  }

  @Override
  public InstrumentBars copy(InstrumentBars from) {
    InstrumentBars copy = new InstrumentBars(intervals(from));
    copy.wakeMs = from.wakeMs;
    for (int i = 0; i < from.intervalCount(); i++) {
      for (OpenBar bar : from.bars(i)) {
        OpenBar to = new OpenBar(bar.startMs, bar.endMs, new OhlcAccumulator());
        to.values.merge(bar.values);
        to.revision = bar.revision;
        to.tradeIds = bar.tradeIds == null ? null : new LongOpenHashSet(bar.tradeIds);
        copy.bars(i).add(to);
      }
    }
    return copy;
  }

  @Override
  public InstrumentBars copy(InstrumentBars from, InstrumentBars reuse) {
    return copy(from);
  }

  @Override
  public int getLength() {
    return -1;
  }

  @Override
  public void serialize(InstrumentBars state, DataOutputView target) throws IOException {
    target.writeLong(state.wakeMs);
    target.writeInt(state.intervalCount());
    for (int i = 0; i < state.intervalCount(); i++) {
      target.writeLong(state.intervalMs(i));
      List<OpenBar> bars = state.bars(i);
      target.writeInt(bars.size());
      for (OpenBar bar : bars) {
        writeBar(bar, target);
      }
    }
  }

  @Override
  public InstrumentBars deserialize(DataInputView source) throws IOException {
    long wakeMs = source.readLong();
    int intervals = source.readInt();
    if (intervals < 0) {
      throw new IOException("corrupt InstrumentBars: interval count " + intervals);
    }
    long[] lengths = new long[intervals];
    List<List<OpenBar>> bars = new ArrayList<>(intervals);
    for (int i = 0; i < intervals; i++) {
      lengths[i] = source.readLong();
      int count = source.readInt();
      List<OpenBar> open = new ArrayList<>(count);
      for (int b = 0; b < count; b++) {
        open.add(readBar(source));
      }
      bars.add(open);
    }
    InstrumentBars state = new InstrumentBars(lengths);
    state.wakeMs = wakeMs;
    for (int i = 0; i < intervals; i++) {
      state.bars(i).addAll(bars.get(i));
    }
    return state;
  }

  @Override
  public InstrumentBars deserialize(InstrumentBars reuse, DataInputView source) throws IOException {
    return deserialize(source);
  }

  @Override
  public void copy(DataInputView source, DataOutputView target) throws IOException {
    serialize(deserialize(source), target);
  }

  @Override
  public TypeSerializerSnapshot<InstrumentBars> snapshotConfiguration() {
    return new InstrumentBarsSerializerSnapshot();
  }

  private static long[] intervals(InstrumentBars state) {
    long[] lengths = new long[state.intervalCount()];
    for (int i = 0; i < lengths.length; i++) {
      lengths[i] = state.intervalMs(i);
    }
    return lengths;
  }

  private static void writeBar(OpenBar bar, DataOutputView target) throws IOException {
    target.writeLong(bar.startMs);
    target.writeLong(bar.endMs);
    target.writeInt(bar.revision);
    writeValues(bar.values, target);
    if (bar.tradeIds == null) {
      target.writeInt(NO_IDS);
    } else {
      target.writeInt(bar.tradeIds.size());
      for (LongIterator ids = bar.tradeIds.iterator(); ids.hasNext(); ) {
        target.writeLong(ids.nextLong());
      }
    }
  }

  private static OpenBar readBar(DataInputView source) throws IOException {
    long start = source.readLong();
    long end = source.readLong();
    int revision = source.readInt();
    OhlcAccumulator v = readValues(source);
    OpenBar bar = new OpenBar(start, end, v);
    bar.revision = revision;
    int ids = source.readInt();
    if (ids < NO_IDS) {
      throw new IOException("corrupt InstrumentBars: id count " + ids);
    }
    if (ids != NO_IDS) {
      bar.tradeIds = new LongOpenHashSet(ids);
      for (int i = 0; i < ids; i++) {
        bar.tradeIds.add(source.readLong());
      }
    }
    return bar;
  }

  /** A bar's values, 120 bytes; also those of the statistics' summaries. */
  static void writeValues(OhlcAccumulator v, DataOutputView target) throws IOException {
    target.writeLong(v.openTimeUs);
    target.writeLong(v.openSequence);
    target.writeDouble(v.open);
    target.writeLong(v.closeTimeUs);
    target.writeLong(v.closeSequence);
    target.writeDouble(v.close);
    target.writeDouble(v.high);
    target.writeDouble(v.low);
    target.writeDouble(v.volume);
    target.writeDouble(v.quoteVolume);
    target.writeLong(v.tradeCount);
    target.writeDouble(v.buyVolume);
    target.writeDouble(v.sellVolume);
    target.writeLong(v.buyTradeCount);
    target.writeLong(v.sellTradeCount);
  }

  /** What {@link #writeValues} wrote. */
  static OhlcAccumulator readValues(DataInputView source) throws IOException {
    OhlcAccumulator v = new OhlcAccumulator();
    v.openTimeUs = source.readLong();
    v.openSequence = source.readLong();
    v.open = source.readDouble();
    v.closeTimeUs = source.readLong();
    v.closeSequence = source.readLong();
    v.close = source.readDouble();
    v.high = source.readDouble();
    v.low = source.readDouble();
    v.volume = source.readDouble();
    v.quoteVolume = source.readDouble();
    v.tradeCount = source.readLong();
    v.buyVolume = source.readDouble();
    v.sellVolume = source.readDouble();
    v.buyTradeCount = source.readLong();
    v.sellTradeCount = source.readLong();
    return v;
  }

  /** Restores the serializer from a checkpoint or savepoint; it has no configuration. */
  public static final class InstrumentBarsSerializerSnapshot
      extends SimpleTypeSerializerSnapshot<InstrumentBars> {

    public InstrumentBarsSerializerSnapshot() {
      super(() -> INSTANCE);
    }
  }
}
