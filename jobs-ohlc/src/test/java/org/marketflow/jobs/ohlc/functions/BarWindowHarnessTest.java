package org.marketflow.jobs.ohlc.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.marketflow.testing.data.Trades.MINUTE_US;
import static org.marketflow.testing.data.Trades.btc;

import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.api.transformations.OneInputTransformation;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.util.OutputTag;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.marketflow.jobs.common.records.Consumed;
import org.marketflow.jobs.ohlc.OhlcJob;
import org.marketflow.schemas.avro.OhlcBar;
import org.marketflow.schemas.avro.Trade;
import org.marketflow.schemas.bars.BarInterval;

/** The 1-minute bar operator of the job, driven record by record and watermark by watermark. */
class BarWindowHarnessTest {

  private static final long MINUTE_MS = MINUTE_US / 1_000;
  private static final OutputTag<Consumed<Trade>> LATE = OhlcJob.lateTrades(BarInterval.M1);

  private KeyedOneInputStreamOperatorTestHarness<String, Consumed<Trade>, OhlcBar> harness;
  private long offset;

  @BeforeEach
  @SuppressWarnings("unchecked")
  void openHarness() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    DataStream<Consumed<Trade>> trades =
        env.fromData(List.of(Consumed.of(btc(0, 0, 1, 1), 0, 0)), Consumed.typeInfo(Trade.class));
    var transformation =
        (OneInputTransformation<Consumed<Trade>, OhlcBar>)
            OhlcJob.bars(trades, BarInterval.M1, Duration.ofMinutes(1), LATE).getTransformation();
    harness =
        new KeyedOneInputStreamOperatorTestHarness<>(
            (OneInputStreamOperator<Consumed<Trade>, OhlcBar>) transformation.getOperator(),
            new TradeInstrument(),
            Types.STRING);
    harness.open();
  }

  @AfterEach
  void closeHarness() throws Exception {
    harness.close();
  }

  private void trade(Trade trade) throws Exception {
    harness.processElement(
        new StreamRecord<>(Consumed.of(trade, 0, offset++), trade.getExchangeTimeUs() / 1_000));
  }

  @Test
  void emitsTheBarWhenTheWatermarkPassesItsEnd() throws Exception {
    trade(btc(10, 1, 100.0, 1.0));
    trade(btc(20, 2, 110.0, 2.0));
    trade(btc(50, 3, 105.0, 1.0));
    harness.processWatermark(MINUTE_MS + 59_998);
    assertThat(harness.extractOutputValues()).isEmpty();

    harness.processWatermark(MINUTE_MS + 59_999);

    assertThat(harness.extractOutputValues())
        .containsExactly(
            OhlcBar.newBuilder()
                .setInstrument("BINANCE:BTCUSDT")
                .setInterval("1m")
                .setBucketStartUs(MINUTE_US)
                .setOpen(100.0)
                .setHigh(110.0)
                .setLow(100.0)
                .setClose(105.0)
                .setVolume(4.0)
                .setQuoteVolume(100.0 + 220.0 + 105.0)
                .setTradeCount(3)
                .setVwap((100.0 + 220.0 + 105.0) / 4.0)
                .setFirstTradeTimeUs(MINUTE_US + 10_000_000)
                .setLastTradeTimeUs(MINUTE_US + 50_000_000)
                .setRevision(0)
                .build());
  }

  @Test
  void emitsRevisedBarWhenTradeArrivesLate() throws Exception {
    trade(btc(30, 30, 200.0, 1.0));
    harness.processWatermark(MINUTE_MS + 70_000);
    trade(btc(5, 5, 150.0, 1.0)); // late, but within the allowed minute
    trade(btc(59, 59, 210.0, 1.0));

    List<OhlcBar> bars = harness.extractOutputValues();
    assertThat(bars).extracting(OhlcBar::getRevision).containsExactly(0, 1, 2);
    OhlcBar last = bars.get(2);
    assertThat(last.getOpen()).isEqualTo(150.0);
    assertThat(last.getClose()).isEqualTo(210.0);
    assertThat(last.getTradeCount()).isEqualTo(3);
    assertThat(last.getFirstTradeTimeUs()).isEqualTo(MINUTE_US + 5_000_000);
  }

  @Test
  void sendsTradesBeyondTheAllowedLatenessToTheSideOutputAndClearsState() throws Exception {
    trade(btc(30, 30, 200.0, 1.0));
    assertThat(harness.numKeyedStateEntries()).isPositive();

    harness.processWatermark(MINUTE_MS + 60_000 + 60_000); // end + allowed lateness
    assertThat(harness.numKeyedStateEntries()).isZero();
    assertThat(harness.numEventTimeTimers()).isZero();

    Trade tooLate = btc(40, 40, 1.0, 1.0);
    trade(tooLate);
    assertThat(harness.getSideOutput(LATE))
        .extracting(late -> late.getValue().value, late -> late.getValue().offset)
        .containsExactly(tuple(tooLate, 1L));
    assertThat(harness.extractOutputValues()).extracting(OhlcBar::getRevision).containsExactly(0);
  }
}
