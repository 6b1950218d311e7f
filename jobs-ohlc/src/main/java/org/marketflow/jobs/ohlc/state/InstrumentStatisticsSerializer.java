package org.marketflow.jobs.ohlc.state;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.marketflow.jobs.ohlc.records.PeriodSummary;

/**
 * Writes {@link InstrumentStatistics} for Flink state: the timer, the next period end, the latest
 * bar's start and close, the sealed-hours mark, then the minutes and the hours (a count, then per
 * summary its start, bar count, values as a bar's ({@link InstrumentBarsSerializer}), entry return
 * and return moments: 164 bytes, 8 more for each further partial of an exact sum) and the liquidity
 * values (a count, then 16 bytes each).
 *
 * <p>Hand-written because the state holds lists of summaries, which Flink's POJO serializer would
 * only take through Kryo (turned off for every job: slower and not evolvable). With the heap
 * (HashMap) state backend, for which the job is built, only checkpoints go through it.
 */
public final class InstrumentStatisticsSerializer
    extends TypeSerializerSingleton<InstrumentStatistics> {

  private static final long serialVersionUID = 1L;

  public static final InstrumentStatisticsSerializer INSTANCE =
      new InstrumentStatisticsSerializer();

  private InstrumentStatisticsSerializer() {}

  @Override
  public boolean isImmutableType() {
    return false;
  }

  @Override
  public InstrumentStatistics createInstance() {
    return new InstrumentStatistics();
  }

  @Override
  public InstrumentStatistics copy(InstrumentStatistics from) {
    InstrumentStatistics copy = new InstrumentStatistics();
    copyScalars(from, copy);
    for (PeriodSummary minute : from.minutes) {
      copy.minutes.add(PeriodSummary.copyOf(minute));
    }
    for (PeriodSummary hour : from.hours) {
      copy.hours.add(PeriodSummary.copyOf(hour));
    }
    copy.liquidity.addAll(from.liquidity); // immutable values
    return copy;
  }

  @Override
  public InstrumentStatistics copy(InstrumentStatistics from, InstrumentStatistics reuse) {
    return copy(from);
  }

  @Override
  public int getLength() {
    return -1;
  }

  @Override
  public void serialize(InstrumentStatistics state, DataOutputView target) throws IOException {
    target.writeLong(state.timerMs);
    target.writeLong(state.nextEndMs);
    target.writeLong(state.lastBarStartMs);
    target.writeDouble(state.lastClose);
    target.writeLong(state.sealedBeforeMs);
    writeSummaries(state.minutes, target);
    writeSummaries(state.hours, target);
    target.writeInt(state.liquidity.size());
    for (InstrumentStatistics.Liquidity value : state.liquidity) {
      target.writeLong(value.bucketStartMs());
      target.writeDouble(value.totalUsd());
    }
  }

  @Override
  public InstrumentStatistics deserialize(DataInputView source) throws IOException {
    InstrumentStatistics state = new InstrumentStatistics();
    state.timerMs = source.readLong();
    state.nextEndMs = source.readLong();
    state.lastBarStartMs = source.readLong();
    state.lastClose = source.readDouble();
    state.sealedBeforeMs = source.readLong();
    readSummaries(source, state.minutes);
    readSummaries(source, state.hours);
    int values = count(source, "liquidity value");
    for (int i = 0; i < values; i++) {
      state.liquidity.add(
          new InstrumentStatistics.Liquidity(source.readLong(), source.readDouble()));
    }
    return state;
  }

  @Override
  public InstrumentStatistics deserialize(InstrumentStatistics reuse, DataInputView source)
      throws IOException {
    return deserialize(source);
  }

  @Override
  public void copy(DataInputView source, DataOutputView target) throws IOException {
    serialize(deserialize(source), target);
  }

  @Override
  public TypeSerializerSnapshot<InstrumentStatistics> snapshotConfiguration() {
    return new InstrumentStatisticsSerializerSnapshot();
  }

  private static void copyScalars(InstrumentStatistics from, InstrumentStatistics to) {
    to.timerMs = from.timerMs;
    to.nextEndMs = from.nextEndMs;
    to.lastBarStartMs = from.lastBarStartMs;
    to.lastClose = from.lastClose;
    to.sealedBeforeMs = from.sealedBeforeMs;
  }

  private static void writeSummaries(List<PeriodSummary> summaries, DataOutputView target)
      throws IOException {
    target.writeInt(summaries.size());
    for (PeriodSummary s : summaries) {
      target.writeLong(s.startMs);
      target.writeInt(s.barCount);
      InstrumentBarsSerializer.writeValues(s.values, target);
      target.writeDouble(s.entryReturn);
      target.writeInt(s.returnCount);
      target.writeDouble(s.returnMean);
      target.writeDouble(s.returnM2);
    }
  }

  private static void readSummaries(DataInputView source, List<PeriodSummary> into)
      throws IOException {
    int count = count(source, "summary");
    if (into instanceof ArrayList<PeriodSummary> list) {
      list.ensureCapacity(count);
    }
    for (int i = 0; i < count; i++) {
      long startMs = source.readLong();
      int barCount = source.readInt();
      PeriodSummary s = new PeriodSummary(InstrumentBarsSerializer.readValues(source));
      s.startMs = startMs;
      s.barCount = barCount;
      s.entryReturn = source.readDouble();
      s.returnCount = source.readInt();
      s.returnMean = source.readDouble();
      s.returnM2 = source.readDouble();
      into.add(s);
    }
  }

  private static int count(DataInputView source, String what) throws IOException {
    int count = source.readInt();
    if (count < 0) {
      throw new IOException("corrupt InstrumentStatistics: " + what + " count " + count);
    }
    return count;
  }

  /** Restores the serializer from a checkpoint or savepoint; it has no configuration. */
  public static final class InstrumentStatisticsSerializerSnapshot
      extends SimpleTypeSerializerSnapshot<InstrumentStatistics> {

    public InstrumentStatisticsSerializerSnapshot() {
      super(() -> INSTANCE);
    }
  }
}
