package org.marketflow.jobs.ohlc.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.marketflow.testing.data.Trades.MINUTE_US;
import static org.marketflow.testing.data.Trades.btc;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.runtime.watermarkstatus.WatermarkStatus;
import org.apache.flink.streaming.util.AbstractStreamOperatorTestHarness;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.marketflow.jobs.common.records.Consumed;
import org.marketflow.jobs.ohlc.records.ExactSum;
import org.marketflow.jobs.ohlc.records.OhlcAccumulator;
import org.marketflow.jobs.ohlc.records.PartialBar;
import org.marketflow.schemas.avro.Trade;
import org.marketflow.testing.data.Trades;

/** The stage before the shuffle: partial bars, late and repeated trades. */
class PartialBarsTest {

  private static final long MINUTE_MS = MINUTE_US / 1_000;
  private static final long SECOND_MS = 1_000;
  private static final long LATENESS_MS = 10_000;

  private OneInputStreamOperatorTestHarness<Consumed<Trade>, PartialBar> harness;
  private long offset;

  @AfterEach
  void closeHarness() throws Exception {
    if (harness != null) {
      harness.close();
    }
  }

  private static OneInputStreamOperatorTestHarness<Consumed<Trade>, PartialBar> harness(
      int parallelism, int subtask) throws Exception {
    return new OneInputStreamOperatorTestHarness<>(
        new PartialBars(SECOND_MS, LATENESS_MS), parallelism, parallelism, subtask);
  }

  private void open() throws Exception {
    harness = harness(1, 0);
    harness.open();
  }

  private void trade(Trade trade) throws Exception {
    harness.processElement(
        new StreamRecord<>(Consumed.of(trade, 0, offset++), trade.getExchangeTimeUs() / 1_000));
  }

  /** What the stage sent, in order: partial bars, and watermarks as {@code "W" + time}. */
  private List<Object> sent() {
    List<Object> sent = new ArrayList<>();
    for (Object element : harness.getOutput()) {
      if (element instanceof StreamRecord<?> record) {
        sent.add(record.getValue());
      } else if (element instanceof Watermark mark) {
        sent.add("W" + mark.getTimestamp());
      }
    }
    harness.getOutput().clear();
    return sent;
  }

  @Test
  void foldsAnInstrumentsTradesOfOneBarIntoOnePartialBarSentAtTheNextBar() throws Exception {
    open();
    OhlcAccumulator expected = new OhlcAccumulator();
    for (int i = 0; i < 50; i++) {
      Trade trade = Trades.trade("BINANCE:BTCUSDT", MINUTE_US + i * 10_000L, i, 100.0 + i, 1.0);
      expected.add(trade);
      trade(trade);
    }
    assertThat(sent()).isEmpty();

    trade(btc(1, 50, 200.0, 1.0)); // the next second

    List<Object> sent = sent();
    assertThat(sent).hasSize(1);
    PartialBar partial = (PartialBar) sent.get(0);
    assertThat(partial.instrument).isEqualTo("BINANCE:BTCUSDT");
    assertThat(partial.startMs).isEqualTo(MINUTE_MS);
    assertThat(partial.values)
        .usingRecursiveComparison()
        .withEqualsForType(ExactSum::equals, ExactSum.class)
        .isEqualTo(expected);
    assertThat(harness.getOutput()).isEmpty();
  }

  @Test
  void sendsEveryPartialBarBeforePassingTheWatermarkOn() throws Exception {
    open();
    trade(btc(0, 1, 100.0, 1.0));
    trade(Trades.trade("BINANCE:ETHUSDT", MINUTE_US, 2, 3_000.0, 1.0));

    harness.processWatermark(MINUTE_MS + 500);

    List<Object> sent = sent();
    assertThat(sent).hasSize(3);
    assertThat(sent.subList(0, 2))
        .extracting(partial -> ((PartialBar) partial).instrument)
        .containsExactlyInAnyOrder("BINANCE:BTCUSDT", "BINANCE:ETHUSDT");
    assertThat(sent.get(2)).isEqualTo("W" + (MINUTE_MS + 500));
  }

  @Test
  void sendsEveryPartialBarBeforeGoingIdle() throws Exception {
    open();
    trade(btc(0, 1, 100.0, 1.0));

    harness.processWatermarkStatus(WatermarkStatus.ACTIVE);
    assertThat(sent()).isEmpty();
    harness.processWatermarkStatus(WatermarkStatus.IDLE);

    assertThat(sent()).hasSize(1);
  }

  @Test
  void sendsEveryPartialBarBeforeACheckpointBarrier() throws Exception {
    open();
    trade(btc(0, 1, 100.0, 1.0));

    harness.prepareSnapshotPreBarrier(1);

    assertThat(sent()).hasSize(1);
  }

  @Test
  void keepsTradeIdsUntilTheirBarIsFinalThenCallsARepeatLate() throws Exception {
    open();
    trade(btc(0, 1, 100.0, 1.0));
    harness.processWatermark(MINUTE_MS + 999 + LATENESS_MS - 1); // one ms before final
    trade(btc(0, 1, 100.0, 1.0));
    assertThat(harness.getSideOutput(PartialBars.DUPLICATES)).hasSize(1);

    harness.processWatermark(MINUTE_MS + 999 + LATENESS_MS);
    trade(btc(0, 1, 100.0, 1.0));

    assertThat(harness.getSideOutput(PartialBars.DUPLICATES)).hasSize(1);
    assertThat(harness.getSideOutput(PartialBars.LATE))
        .extracting(late -> late.getValue().offset)
        .containsExactly(2L);
  }

  @Test
  void restoresTradeIdsAndTheWatermarkFromACheckpoint() throws Exception {
    open();
    trade(btc(30, 1, 100.0, 1.0));
    harness.processWatermark(MINUTE_MS + 25_000);
    OperatorSubtaskState snapshot = harness.snapshot(1, 1);
    harness.close();

    harness = harness(1, 0);
    harness.initializeState(snapshot);
    harness.open();
    trade(btc(30, 1, 100.0, 1.0)); // a repeat
    trade(btc(5, 2, 100.0, 1.0)); // late against the restored watermark

    assertThat(harness.getSideOutput(PartialBars.DUPLICATES))
        .extracting(repeat -> repeat.getValue().offset)
        .containsExactly(1L);
    assertThat(harness.getSideOutput(PartialBars.LATE))
        .extracting(late -> late.getValue().offset)
        .containsExactly(2L);
  }

  @Test
  void afterScalingDownToOneInstanceItKnowsEveryInstrumentsIds() throws Exception {
    OperatorSubtaskState[] states = new OperatorSubtaskState[2];
    for (int subtask = 0; subtask < 2; subtask++) {
      try (var instance = harness(2, subtask)) {
        instance.open();
        Trade trade =
            Trades.trade(subtask == 0 ? "BINANCE:BTCUSDT" : "BINANCE:ETHUSDT", MINUTE_US, 7, 1, 1);
        instance.processElement(new StreamRecord<>(Consumed.of(trade, subtask, 0), MINUTE_MS));
        states[subtask] = instance.snapshot(1, 1);
      }
    }
    OperatorSubtaskState merged = AbstractStreamOperatorTestHarness.repackageState(states);

    harness = harness(1, 0);
    harness.initializeState(
        AbstractStreamOperatorTestHarness.repartitionOperatorState(merged, 128, 2, 1, 0));
    harness.open();
    trade(Trades.trade("BINANCE:BTCUSDT", MINUTE_US, 7, 1, 1));
    trade(Trades.trade("BINANCE:ETHUSDT", MINUTE_US, 7, 1, 1));

    assertThat(harness.getSideOutput(PartialBars.DUPLICATES)).hasSize(2);
  }
}
