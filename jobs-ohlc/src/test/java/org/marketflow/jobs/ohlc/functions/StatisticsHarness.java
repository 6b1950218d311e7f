package org.marketflow.jobs.ohlc.functions;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.co.KeyedCoProcessOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.marketflow.jobs.common.records.Consumed;
import org.marketflow.schemas.avro.LiquidityMetrics;
import org.marketflow.schemas.avro.MarketStatistics;
import org.marketflow.schemas.avro.OhlcBar;

/**
 * {@link MarketStatisticsProcessor} in Flink's keyed two-input harness, with the bars and liquidity
 * values tests feed it: bars as {@code BarsProcessor} emits them, final, 1-minute.
 */
public final class StatisticsHarness implements AutoCloseable {

  static final long MINUTE_MS = 60_000L;
  static final long HOUR_MS = 60 * MINUTE_MS;
  static final long DAY_MS = 24 * HOUR_MS;

  /** 2024-08-09 00:00 UTC: a day's, an hour's and a minute's start. */
  static final long T0 = 1_723_161_600_000L;

  static final long LATENESS_MS = MINUTE_MS;
  static final long STALENESS_MS = 5 * MINUTE_MS;
  static final String BTC = "BINANCE:BTCUSDT";
  static final String ETH = "BINANCE:ETHUSDT";

  private final int minReturns;
  private KeyedTwoInputStreamOperatorTestHarness<
          String, OhlcBar, Consumed<LiquidityMetrics>, MarketStatistics>
      harness;
  private long offset;

  StatisticsHarness(int minReturns) throws Exception {
    this.minReturns = minReturns;
    harness = create();
    harness.open();
  }

  private KeyedTwoInputStreamOperatorTestHarness<
          String, OhlcBar, Consumed<LiquidityMetrics>, MarketStatistics>
      create() throws Exception {
    return new KeyedTwoInputStreamOperatorTestHarness<>(
        new KeyedCoProcessOperator<>(
            new MarketStatisticsProcessor(LATENESS_MS, STALENESS_MS, minReturns)),
        new StatisticsInstrument.OfBar(),
        new StatisticsInstrument.OfLiquidity(),
        Types.STRING);
  }

  /** A final 1-minute bar of two trades, closing at {@code close}. */
  public static OhlcBar bar(String instrument, long startMs, double close) {
    return bar(instrument, startMs, close, close, close, close, 1.0);
  }

  public static OhlcBar bar(
      String instrument,
      long startMs,
      double open,
      double high,
      double low,
      double close,
      double volume) {
    return OhlcBar.newBuilder()
        .setInstrument(instrument)
        .setInterval("1m")
        .setBucketStartUs(startMs * 1_000L)
        .setOpen(open)
        .setHigh(high)
        .setLow(low)
        .setClose(close)
        .setVolume(volume)
        .setQuoteVolume(volume * (open + close) / 2)
        .setTradeCount(2)
        .setVwap((open + close) / 2)
        .setFirstTradeTimeUs(startMs * 1_000L + 1_000)
        .setLastTradeTimeUs(startMs * 1_000L + 59_000_000)
        .setRevision(1)
        .setBuyVolume(volume * 0.75)
        .setSellVolume(volume * 0.25)
        .setBuyTradeCount(1)
        .setSellTradeCount(1)
        .setIsFinal(true)
        .build();
  }

  public static LiquidityMetrics liquidity(String instrument, long bucketStartMs, Double totalUsd) {
    return LiquidityMetrics.newBuilder()
        .setInstrument(instrument)
        .setBucketStartUs(bucketStartMs * 1_000L)
        .setLiquidityBandBps(100.0)
        .setTotalLiquidityUsd(totalUsd)
        .setVpinBucketVolume(1.0)
        .setVpinWindowBuckets(50)
        .build();
  }

  /** The bar, stamped as the bars' operator stamps its final revision. */
  void bar(OhlcBar bar) throws Exception {
    long endMs = bar.getBucketStartUs() / 1_000 + MINUTE_MS;
    harness.processElement1(new StreamRecord<>(bar, endMs - 1 + LATENESS_MS));
  }

  void liquidity(LiquidityMetrics value) throws Exception {
    harness.processElement2(
        new StreamRecord<>(Consumed.of(value, 0, offset++), value.getBucketStartUs() / 1_000));
  }

  void watermark(long ms) throws Exception {
    harness.processBothWatermarks(new Watermark(ms));
  }

  /** The watermark at which the periods ending at {@code endMs} are due. */
  void watermarkFor(long endMs) throws Exception {
    watermark(endMs - 1 + LATENESS_MS);
  }

  /** The rows emitted since the last call. */
  List<MarketStatistics> rows() {
    List<MarketStatistics> rows = new ArrayList<>(harness.extractOutputValues());
    harness.getOutput().clear();
    return rows;
  }

  int stateEntries() {
    return harness.numKeyedStateEntries();
  }

  int timers() {
    return harness.numEventTimeTimers();
  }

  /** Snapshots the operator, closes it and opens a new one restored from the snapshot. */
  void restart() throws Exception {
    OperatorSubtaskState snapshot = harness.snapshot(1, 1);
    harness.close();
    harness = create();
    harness.initializeState(snapshot);
    harness.open();
  }

  @Override
  public void close() throws Exception {
    harness.close();
  }
}
