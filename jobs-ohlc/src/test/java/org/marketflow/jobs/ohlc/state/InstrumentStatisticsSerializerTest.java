package org.marketflow.jobs.ohlc.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import org.apache.flink.api.common.typeutils.SerializerTestBase;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.testutils.DeeplyEqualsChecker;
import org.junit.jupiter.api.Test;
import org.marketflow.jobs.ohlc.records.ExactSum;
import org.marketflow.jobs.ohlc.records.StatisticsPeriod;
import org.marketflow.schemas.avro.OhlcBar;

/** Flink's contract tests for a serializer, and the bytes of a busy instrument's state. */
class InstrumentStatisticsSerializerTest extends SerializerTestBase<InstrumentStatistics> {

  private static final long MINUTE_MS = StatisticsPeriod.MINUTE_MS;
  private static final long T0 = 1_723_161_600_000L;

  @Override
  protected TypeSerializer<InstrumentStatistics> createSerializer() {
    return InstrumentStatisticsSerializer.INSTANCE;
  }

  @Override
  protected int getLength() {
    return -1;
  }

  @Override
  protected Class<InstrumentStatistics> getTypeClass() {
    return InstrumentStatistics.class;
  }

  @Override
  protected InstrumentStatistics[] getTestData() {
    InstrumentStatistics liquidityOnly = new InstrumentStatistics();
    liquidityOnly.addLiquidity(T0, 1_000.0);
    liquidityOnly.timerMs = T0 + 7 * MINUTE_MS;
    return new InstrumentStatistics[] {
      new InstrumentStatistics(), liquidityOnly, busy(20), busy(3 * 60)
    };
  }

  InstrumentStatisticsSerializerTest() {
    super(
        new DeeplyEqualsChecker()
            .withCustomCheck(
                (a, b) -> a instanceof InstrumentStatistics && b instanceof InstrumentStatistics,
                (a, b, checker) -> sameFields(a, b)));
  }

  @Override
  protected void deepEquals(String message, InstrumentStatistics should, InstrumentStatistics is) {
    assertSameFields(message, should, is);
  }

  /** The state has no equals: it is compared field by field, doubles exactly (NaN to NaN). */
  private static void assertSameFields(String message, Object should, Object is) {
    assertThat(is)
        .as(message)
        .usingRecursiveComparison()
        .withComparatorForType(Double::compare, Double.class)
        .withEqualsForType(ExactSum::equals, ExactSum.class)
        .isEqualTo(should);
  }

  private static boolean sameFields(Object a, Object b) {
    try {
      assertSameFields("", a, b);
      return true;
    } catch (AssertionError different) {
      return false;
    }
  }

  @Test
  void holdsADayOfMinutesAndThirtyDaysOfHoursAtAbout170BytesASummary() throws IOException {
    InstrumentStatistics state = busy(31 * 24 * 60);

    // Between two minutes: the next period's 24 hours less the bar still to come.
    assertThat(state.minutes).hasSize(1_439);
    assertThat(state.hours).hasSizeBetween(718, 720);
    // 164 bytes a summary whose four exact sums hold one partial each, 8 more a further partial.
    int summaries = state.minutes.size() + state.hours.size();
    assertThat(bytes(state))
        .isBetween(
            52 + 164 * summaries + 16 * state.liquidity.size(),
            52 + 170 * summaries + 16 * state.liquidity.size())
        .isLessThan(370_000);
  }

  @Test
  void restoresFromItsSnapshotAsItWas() throws Exception {
    DataOutputSerializer out = new DataOutputSerializer(64);
    TypeSerializerSnapshot.writeVersionedSnapshot(
        out, InstrumentStatisticsSerializer.INSTANCE.snapshotConfiguration());
    TypeSerializerSnapshot<InstrumentStatistics> read =
        TypeSerializerSnapshot.readVersionedSnapshot(
            new DataInputDeserializer(out.getCopyOfBuffer()), getClass().getClassLoader());

    assertThat(read.restoreSerializer()).isSameAs(InstrumentStatisticsSerializer.INSTANCE);
  }

  @Test
  void rejectsANegativeCountAsCorrupt() throws IOException {
    DataOutputSerializer out = new DataOutputSerializer(64);
    for (int i = 0; i < 5; i++) {
      out.writeLong(0);
    }
    out.writeInt(-3);

    assertThatThrownBy(
            () ->
                InstrumentStatisticsSerializer.INSTANCE.deserialize(
                    new DataInputDeserializer(out.getCopyOfBuffer())))
        .isInstanceOf(IOException.class)
        .hasMessage("corrupt InstrumentStatistics: summary count -3");
  }

  /**
   * The state of an instrument with a bar every minute for {@code minutes} minutes, kept as the
   * operator keeps it: hours sealed and old entries dropped after each minute's periods.
   */
  private static InstrumentStatistics busy(int minutes) {
    InstrumentStatistics state = new InstrumentStatistics();
    for (int m = 0; m < minutes; m++) {
      long start = T0 + m * MINUTE_MS;
      double close = 100.0 + Math.sin(m / 30.0);
      state.addBar(start, bar(start, close));
      if (m % 2 == 0) {
        state.addLiquidity(start, 1_000.0 + m);
      }
      long end = state.nextEndMs;
      state.sealHoursBefore(StatisticsPeriod.lastHourStartMs(end));
      state.nextEndMs = end + MINUTE_MS;
      state.trimBars(state.nextEndMs);
      state.trimLiquidity(state.nextEndMs, 5 * MINUTE_MS);
    }
    state.timerMs = state.nextEndMs - 1 + MINUTE_MS;
    return state;
  }

  private static OhlcBar bar(long startMs, double close) {
    return OhlcBar.newBuilder()
        .setInstrument("SIM:BTCUSD")
        .setInterval("1m")
        .setBucketStartUs(startMs * 1_000)
        .setOpen(close - 0.5)
        .setHigh(close + 1)
        .setLow(close - 1)
        .setClose(close)
        .setVolume(2.0)
        .setQuoteVolume(2.0 * close)
        .setTradeCount(3)
        .setVwap(close)
        .setFirstTradeTimeUs(startMs * 1_000 + 5)
        .setLastTradeTimeUs(startMs * 1_000 + 59_000_000)
        .setRevision(1)
        .setBuyVolume(1.0)
        .setSellVolume(1.0)
        .setBuyTradeCount(2)
        .setSellTradeCount(1)
        .setIsFinal(true)
        .build();
  }

  private static int bytes(InstrumentStatistics state) throws IOException {
    DataOutputSerializer out = new DataOutputSerializer(1 << 16);
    InstrumentStatisticsSerializer.INSTANCE.serialize(state, out);
    return out.length();
  }
}
