package org.marketflow.jobs.ohlc.state;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.marketflow.jobs.ohlc.records.ExactSum;
import org.marketflow.jobs.ohlc.records.OhlcAccumulator;

/**
 * Writes {@link InstrumentBars} for Flink state: the timer's time, the interval count, then per
 * interval its length, its bar count and each bar (start, end, revision and its values), about 150
 * bytes a bar. The format changed when the volumes became exact sums and the trade ids moved to
 * {@code PartialBars}: state of jobs-ohlc written before cannot be restored (start the job afresh).
 *
 * <p>Hand-written because the bars hold an array of lists, which Flink's POJO serializer does not
 * take without Kryo (turned off for every job: slower and not evolvable). With the heap (HashMap)
 * state backend, for which the job is built, only checkpoints go through it.
 */
public final class InstrumentBarsSerializer extends TypeSerializerSingleton<InstrumentBars> {

  private static final long serialVersionUID = 1L;

  public static final InstrumentBarsSerializer INSTANCE = new InstrumentBarsSerializer();

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
  }

  private static OpenBar readBar(DataInputView source) throws IOException {
    long start = source.readLong();
    long end = source.readLong();
    int revision = source.readInt();
    OhlcAccumulator v = readValues(source);
    OpenBar bar = new OpenBar(start, end, v);
    bar.revision = revision;
    return bar;
  }

  /**
   * A bar's values, 124 bytes plus 8 a partial of each exact sum (usually one); also those of the
   * statistics' summaries and the partial bars.
   */
  static void writeValues(OhlcAccumulator v, DataOutputView target) throws IOException {
    target.writeLong(v.openTimeUs);
    target.writeLong(v.openSequence);
    target.writeDouble(v.open);
    target.writeLong(v.closeTimeUs);
    target.writeLong(v.closeSequence);
    target.writeDouble(v.close);
    target.writeDouble(v.high);
    target.writeDouble(v.low);
    writeSum(v.volume, target);
    writeSum(v.quoteVolume, target);
    target.writeLong(v.tradeCount);
    writeSum(v.buyVolume, target);
    writeSum(v.sellVolume, target);
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
    readSum(v.volume, source);
    readSum(v.quoteVolume, source);
    v.tradeCount = source.readLong();
    readSum(v.buyVolume, source);
    readSum(v.sellVolume, source);
    v.buyTradeCount = source.readLong();
    v.sellTradeCount = source.readLong();
    return v;
  }

  private static final int NON_FINITE = 0x80;

  /**
   * An exact sum: a byte with its partial count (a sum has at most a few dozen) and a flag for a
   * non-finite part, that part if flagged, then the partials: 9 bytes for a sum of one partial.
   */
  private static void writeSum(ExactSum sum, DataOutputView target) throws IOException {
    double nonFinite = sum.nonFinite();
    boolean flagged = nonFinite != 0.0 || Double.isNaN(nonFinite);
    int count = sum.partialCount();
    target.writeByte(count | (flagged ? NON_FINITE : 0));
    if (flagged) {
      target.writeDouble(nonFinite);
    }
    for (int i = 0; i < count; i++) {
      target.writeDouble(sum.partial(i));
    }
  }

  private static void readSum(ExactSum sum, DataInputView source) throws IOException {
    int header = source.readUnsignedByte();
    double nonFinite = (header & NON_FINITE) != 0 ? source.readDouble() : 0.0;
    int count = header & ~NON_FINITE;
    double[] partials = new double[count];
    for (int i = 0; i < count; i++) {
      partials[i] = source.readDouble();
    }
    sum.restore(partials, count, nonFinite);
  }

  /** Restores the serializer from a checkpoint or savepoint; it has no configuration. */
  public static final class InstrumentBarsSerializerSnapshot
      extends SimpleTypeSerializerSnapshot<InstrumentBars> {

    public InstrumentBarsSerializerSnapshot() {
      super(() -> INSTANCE);
    }
  }
}
