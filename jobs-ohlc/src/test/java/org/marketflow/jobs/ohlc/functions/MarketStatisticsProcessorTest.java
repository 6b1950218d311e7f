package org.marketflow.jobs.ohlc.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;
import static org.marketflow.jobs.ohlc.functions.StatisticsHarness.BTC;
import static org.marketflow.jobs.ohlc.functions.StatisticsHarness.DAY_MS;
import static org.marketflow.jobs.ohlc.functions.StatisticsHarness.ETH;
import static org.marketflow.jobs.ohlc.functions.StatisticsHarness.HOUR_MS;
import static org.marketflow.jobs.ohlc.functions.StatisticsHarness.LATENESS_MS;
import static org.marketflow.jobs.ohlc.functions.StatisticsHarness.MINUTE_MS;
import static org.marketflow.jobs.ohlc.functions.StatisticsHarness.STALENESS_MS;
import static org.marketflow.jobs.ohlc.functions.StatisticsHarness.T0;
import static org.marketflow.jobs.ohlc.functions.StatisticsHarness.bar;
import static org.marketflow.jobs.ohlc.functions.StatisticsHarness.liquidity;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.marketflow.schemas.avro.MarketStatistics;
import org.marketflow.schemas.avro.OhlcBar;

/** The statistics operator, driven bar by bar and watermark by watermark. */
class MarketStatisticsProcessorTest {

  private StatisticsHarness harness;

  @AfterEach
  void close() throws Exception {
    if (harness != null) {
      harness.close();
    }
  }

  private StatisticsHarness open(int minReturns) throws Exception {
    harness = new StatisticsHarness(minReturns);
    return harness;
  }

  @Test
  void emitsThePeriodsEndingAtAMinuteOnceTheFinalBarOfTheMinuteBeforeCanHaveArrived()
      throws Exception {
    open(2);
    harness.bar(bar(BTC, T0, 100.0, 104.0, 99.0, 102.0, 2.0));
    harness.watermark(T0 + MINUTE_MS - 2 + LATENESS_MS);
    assertThat(harness.rows()).isEmpty();

    harness.watermark(T0 + MINUTE_MS - 1 + LATENESS_MS);

    long end = T0 + MINUTE_MS;
    MarketStatistics.Builder expected =
        MarketStatistics.newBuilder()
            .setInstrument(BTC)
            .setPeriod("1h")
            .setPeriodStartUs((end - HOUR_MS) * 1_000)
            .setPeriodEndUs(end * 1_000)
            .setBarCount(1)
            .setVolume(2.0)
            .setQuoteVolume(202.0)
            .setTrades(2)
            .setBuyVolume(1.5)
            .setSellVolume(0.5)
            .setOpen(100.0)
            .setHigh(104.0)
            .setLow(99.0)
            .setClose(102.0)
            .setVwap(101.0);
    assertThat(harness.rows())
        .containsExactly(
            expected.build(),
            MarketStatistics.newBuilder(expected.build())
                .setPeriod("24h")
                .setPeriodStartUs((end - DAY_MS) * 1_000)
                .build(),
            MarketStatistics.newBuilder(expected.build())
                .setPeriod("7d")
                .setPeriodStartUs((T0 - 167 * HOUR_MS) * 1_000)
                .build(),
            MarketStatistics.newBuilder(expected.build())
                .setPeriod("30d")
                .setPeriodStartUs((T0 - 719 * HOUR_MS) * 1_000)
                .build());
  }

  @Test
  void emitsEveryMinuteAlsoWithoutABarAndCountsAReturnAcrossAGapAsOne() throws Exception {
    open(2);
    harness.bar(bar(BTC, T0, 100.0));
    harness.bar(bar(BTC, T0 + MINUTE_MS, 110.0));
    harness.bar(bar(BTC, T0 + 5 * MINUTE_MS, 99.0)); // after three minutes without a trade

    harness.watermarkFor(T0 + 7 * MINUTE_MS);

    List<MarketStatistics> hour = hourRows(harness.rows());
    assertThat(hour)
        .extracting(s -> s.getPeriodEndUs() / 1_000 - T0, MarketStatistics::getBarCount)
        .containsExactly(
            tuple(MINUTE_MS, 1),
            tuple(2 * MINUTE_MS, 2),
            tuple(3 * MINUTE_MS, 2),
            tuple(4 * MINUTE_MS, 2),
            tuple(5 * MINUTE_MS, 2),
            tuple(6 * MINUTE_MS, 3),
            tuple(7 * MINUTE_MS, 3));
    assertThat(hour.get(1).getVolatility()).as("one return").isNull();
    double r1 = Math.log(110.0 / 100.0);
    double r2 = Math.log(99.0 / 110.0);
    double sd = Math.abs(r1 - r2) / Math.sqrt(2);
    assertThat(hour.get(5).getVolatility()).isCloseTo(sd, within(1e-15));
    assertThat(hour.get(5).getAnnualizedVolatility())
        .isCloseTo(sd * Math.sqrt(525_600), within(1e-12));
    assertThat(hour.get(5).getOpen()).isEqualTo(100.0);
    assertThat(hour.get(5).getClose()).isEqualTo(99.0);
  }

  @Test
  void nullsTheVolatilityBelowTheMinimumCountOfReturns() throws Exception {
    open(5);
    double[] closes = {100.0, 101.0, 99.5, 102.0, 101.0, 103.5};
    for (int i = 0; i < closes.length; i++) {
      harness.bar(bar(BTC, T0 + i * MINUTE_MS, closes[i]));
    }
    harness.watermarkFor(T0 + 6 * MINUTE_MS);

    List<MarketStatistics> hour = hourRows(harness.rows());
    assertThat(hour.get(4).getVolatility()).as("4 returns").isNull();
    double[] returns = new double[5];
    for (int i = 1; i < closes.length; i++) {
      returns[i - 1] = Math.log(closes[i] / closes[i - 1]);
    }
    assertThat(hour.get(5).getVolatility())
        .isCloseTo(new StandardDeviation(true).evaluate(returns), within(1e-15));
  }

  @Test
  void eachPeriodHoldsTheBarsFromItsStartToItsEndAndNoOthers() throws Exception {
    assertWindowEdges(T0 + 40 * DAY_MS + 30 * MINUTE_MS); // in the middle of an hour
    harness.close();
    assertWindowEdges(T0 + 40 * DAY_MS); // on an hour: 7d and 30d are whole hours
    harness.close();
    assertWindowEdges(T0 + 40 * DAY_MS + MINUTE_MS); // their current hour is one minute
  }

  /** Two bars at each period's start: the one at it counts, the one a minute before does not. */
  private void assertWindowEdges(long end) throws Exception {
    open(2);
    long lastHour = Math.floorDiv(end - MINUTE_MS, HOUR_MS) * HOUR_MS;
    long[] starts = {
      lastHour - 719 * HOUR_MS, lastHour - 167 * HOUR_MS, end - DAY_MS, end - HOUR_MS
    };
    List<Long> bars = new ArrayList<>();
    for (long start : starts) {
      bars.add(start - MINUTE_MS);
      bars.add(start);
    }
    bars.add(end - MINUTE_MS); // the last minute of every period
    for (long start : bars) {
      harness.bar(bar(BTC, start, 100.0 + bars.indexOf(start)));
    }

    List<MarketStatistics> atEnd = rowsEndingAt(end);

    assertThat(atEnd)
        .extracting(
            MarketStatistics::getPeriod,
            s -> s.getPeriodStartUs() / 1_000,
            MarketStatistics::getBarCount,
            MarketStatistics::getOpen)
        .containsExactly(
            tuple("1h", starts[3], 2, 107.0),
            tuple("24h", starts[2], 4, 105.0),
            tuple("7d", starts[1], 6, 103.0),
            tuple("30d", starts[0], 8, 101.0));
    assertThat(atEnd).allSatisfy(s -> assertThat(s.getClose()).isEqualTo(108.0));
    double[] returns = new double[7]; // between the closes 101 to 108 of the bars in the period
    for (int i = 0; i < returns.length; i++) {
      returns[i] = Math.log((102.0 + i) / (101.0 + i));
    }
    assertThat(atEnd.get(3).getVolatility())
        .as("the 30d period's 7 returns, from the bar at its start on")
        .isCloseTo(new StandardDeviation(true).evaluate(returns), within(1e-15));
  }

  @Test
  void stopsAndClearsTheInstrumentOnceItsThirtyDayPeriodHoldsNoBar() throws Exception {
    open(2);
    harness.bar(bar(BTC, T0, 100.0));
    harness.bar(bar(ETH, T0 + 10 * DAY_MS, 3_000.0)); // keeps its own timer going
    harness.watermarkFor(T0 + 30 * DAY_MS - 2 * MINUTE_MS);
    harness.rows();

    harness.watermarkFor(T0 + 31 * DAY_MS);

    List<MarketStatistics> btc = filter(harness.rows(), s -> s.getInstrument().equals(BTC));
    assertThat(btc)
        .extracting(s -> s.getPeriodEndUs() / 1_000 - T0, MarketStatistics::getPeriod)
        .containsExactly(
            tuple(30 * DAY_MS - MINUTE_MS, "1h"),
            tuple(30 * DAY_MS - MINUTE_MS, "24h"),
            tuple(30 * DAY_MS - MINUTE_MS, "7d"),
            tuple(30 * DAY_MS - MINUTE_MS, "30d"),
            tuple(30 * DAY_MS, "1h"),
            tuple(30 * DAY_MS, "24h"),
            tuple(30 * DAY_MS, "7d"),
            tuple(30 * DAY_MS, "30d"));
    MarketStatistics lastHour = btc.get(4);
    assertThat(lastHour.getBarCount()).isZero();
    assertThat(lastHour.getVolume()).isZero();
    assertThat(lastHour.getOpen()).isNull();
    assertThat(lastHour.getVwap()).isNull();
    assertThat(btc.get(7).getBarCount()).as("the 30d period [T0, T0 + 30 d)").isEqualTo(1);
    assertThat(harness.stateEntries()).as("ETH's only").isEqualTo(1);
    assertThat(harness.timers()).isEqualTo(1);

    harness.bar(bar(BTC, T0 + 32 * DAY_MS, 90.0)); // starts afresh
    harness.watermarkFor(T0 + 32 * DAY_MS + MINUTE_MS);
    assertThat(filter(harness.rows(), s -> s.getInstrument().equals(BTC)))
        .extracting(MarketStatistics::getBarCount, MarketStatistics::getClose)
        .containsExactly(tuple(1, 90.0), tuple(1, 90.0), tuple(1, 90.0), tuple(1, 90.0));
  }

  @Test
  void keepsOneTimerPerInstrument() throws Exception {
    open(2);
    for (int i = 0; i < 90; i += 3) {
      harness.bar(bar(BTC, T0 + i * MINUTE_MS, 100.0 + i));
      harness.liquidity(liquidity(BTC, T0 + i * MINUTE_MS, 1_000.0));
      harness.watermarkFor(T0 + i * MINUTE_MS);
      assertThat(harness.timers()).isEqualTo(1);
    }
    harness.liquidity(liquidity(ETH, T0 + 89 * MINUTE_MS, 500.0)); // liquidity only
    harness.bar(bar("PARIFLOW:e1:o1:YES", T0 + 89 * MINUTE_MS, 0.4));
    assertThat(harness.timers()).isEqualTo(3);
    assertThat(harness.stateEntries()).isEqualTo(3);
  }

  @Test
  void anInstrumentWithLiquidityButNoBarIsClearedOnceItsValuesAreStale() throws Exception {
    open(2);
    harness.liquidity(liquidity(ETH, T0, 500.0));
    harness.watermark(T0 + MINUTE_MS + STALENESS_MS + LATENESS_MS - 1);
    assertThat(harness.stateEntries()).isEqualTo(1);

    harness.watermark(T0 + MINUTE_MS + STALENESS_MS + LATENESS_MS);

    assertThat(harness.stateEntries()).isZero();
    assertThat(harness.timers()).isZero();
    assertThat(harness.rows()).isEmpty();
  }

  @Test
  void takesTheLatestLiquidityOfAMinuteEndedByThePeriodEndAndNotStalerThanAllowed()
      throws Exception {
    open(2);
    for (int i = 0; i < 12; i++) {
      harness.bar(bar(BTC, T0 + i * MINUTE_MS, 100.0));
    }
    harness.liquidity(liquidity(BTC, T0, 1_000.0)); // ends at T0 + 1 min
    harness.liquidity(liquidity(BTC, T0 + 2 * MINUTE_MS, 2_000.0)); // ends at T0 + 3 min
    harness.liquidity(liquidity(BTC, T0 + 3 * MINUTE_MS, null)); // no mid: no value
    harness.liquidity(liquidity(BTC, T0 + 11 * MINUTE_MS, 3_000.0)); // ends after the last period

    harness.watermarkFor(T0 + 11 * MINUTE_MS);

    assertThat(hourRows(harness.rows()))
        .extracting(
            s -> s.getPeriodEndUs() / 1_000 - T0,
            MarketStatistics::getLiquidityUsd,
            s ->
                s.getLiquidityBucketStartUs() == null
                    ? null
                    : s.getLiquidityBucketStartUs() / 1_000 - T0)
        .containsExactly(
            tuple(MINUTE_MS, 1_000.0, 0L),
            tuple(2 * MINUTE_MS, 1_000.0, 0L),
            tuple(3 * MINUTE_MS, 2_000.0, 2 * MINUTE_MS),
            tuple(4 * MINUTE_MS, 2_000.0, 2 * MINUTE_MS),
            tuple(5 * MINUTE_MS, 2_000.0, 2 * MINUTE_MS),
            tuple(6 * MINUTE_MS, 2_000.0, 2 * MINUTE_MS),
            tuple(7 * MINUTE_MS, 2_000.0, 2 * MINUTE_MS),
            tuple(8 * MINUTE_MS, 2_000.0, 2 * MINUTE_MS), // 5 minutes old: still fresh
            tuple(9 * MINUTE_MS, null, null),
            tuple(10 * MINUTE_MS, null, null),
            tuple(11 * MINUTE_MS, null, null));
  }

  @Test
  void atTheEndOfABoundedInputEmitsUpToTheEndOfTheLastBarAndClears() throws Exception {
    open(2);
    harness.bar(bar(BTC, T0, 100.0));
    harness.bar(bar(BTC, T0 + 5 * MINUTE_MS, 101.0));
    harness.liquidity(liquidity(ETH, T0, 500.0));

    harness.watermark(Long.MAX_VALUE);

    assertThat(hourRows(harness.rows()))
        .extracting(s -> s.getPeriodEndUs() / 1_000 - T0)
        .containsExactly(
            MINUTE_MS, 2 * MINUTE_MS, 3 * MINUTE_MS, 4 * MINUTE_MS, 5 * MINUTE_MS, 6 * MINUTE_MS);
    assertThat(harness.stateEntries()).isZero();
    assertThat(harness.timers()).isZero();
  }

  @Test
  void leavesOutABarWhosePeriodsWereEmittedOrThatIsNotAfterTheLatest() throws Exception {
    open(2);
    harness.bar(bar(BTC, T0, 100.0));
    harness.bar(bar(BTC, T0 + 2 * MINUTE_MS, 102.0));
    harness.watermarkFor(T0 + 2 * MINUTE_MS);
    harness.rows();

    harness.bar(bar(BTC, T0 + MINUTE_MS, 500.0)); // its periods ended at T0 + 2 min: emitted
    harness.bar(bar(BTC, T0 + 2 * MINUTE_MS, 600.0)); // again
    harness.watermarkFor(T0 + 3 * MINUTE_MS);

    assertThat(hourRows(harness.rows()))
        .extracting(MarketStatistics::getBarCount, MarketStatistics::getHigh)
        .containsExactly(tuple(2, 102.0));
  }

  @Test
  void aRunRestoredFromASnapshotEmitsWhatAnUninterruptedRunDoes() throws Exception {
    List<OhlcBar> bars = new ArrayList<>();
    for (long m = 0; m < 3 * 24 * 60; m++) {
      if (m % 7 != 3 && (m < 1_000 || m > 1_300)) { // gaps of a minute, and of five hours
        double close = 100.0 + 5 * Math.sin(m / 50.0) + (m % 11) * 0.1;
        bars.add(bar(m % 2 == 0 ? BTC : ETH, T0 + m * MINUTE_MS, close));
      }
    }
    List<MarketStatistics> uninterrupted = run(bars, -1);
    List<MarketStatistics> restored = run(bars, bars.size() / 2);

    assertThat(restored).hasSize(uninterrupted.size()).isEqualTo(uninterrupted);
    assertThat(uninterrupted).hasSizeGreaterThan(4 * 4_000);
  }

  /** Every row of a run over {@code bars} that restarts from a snapshot after bar {@code at}. */
  private List<MarketStatistics> run(List<OhlcBar> bars, int at) throws Exception {
    try (StatisticsHarness h = new StatisticsHarness(3)) {
      harness = h;
      List<MarketStatistics> rows = new ArrayList<>();
      for (int i = 0; i < bars.size(); i++) {
        OhlcBar bar = bars.get(i);
        long startMs = bar.getBucketStartUs() / 1_000;
        harness.bar(bar);
        if (i % 5 == 0) {
          harness.liquidity(liquidity(bar.getInstrument(), startMs, 1_000.0 + i));
        }
        harness.watermarkFor(startMs); // the minute before, as the bars' operator would
        if (i == at) {
          rows.addAll(harness.rows());
          harness.restart();
          assertThat(harness.timers()).isEqualTo(2);
        }
      }
      harness.watermark(Long.MAX_VALUE);
      rows.addAll(harness.rows());
      return rows;
    } finally {
      harness = null;
    }
  }

  @Test
  void refusesSettingsThatMakeNoSense() {
    assertThatThrownBy(() -> new MarketStatisticsProcessor(MINUTE_MS, STALENESS_MS, 1))
        .hasMessage("a volatility needs at least 2 returns, not 1");
    assertThatThrownBy(() -> new MarketStatisticsProcessor(-1, STALENESS_MS, 2))
        .hasMessage("negative allowed lateness: -1");
  }

  /** Advances the watermark a day at a time to the periods ending at {@code end}: their rows. */
  private List<MarketStatistics> rowsEndingAt(long end) throws Exception {
    List<MarketStatistics> rows = new ArrayList<>();
    for (long wm = T0 - 30 * DAY_MS; wm < end; wm += DAY_MS) {
      harness.watermark(wm);
      harness.rows();
    }
    harness.watermarkFor(end);
    for (MarketStatistics s : harness.rows()) {
      if (s.getPeriodEndUs() == end * 1_000) {
        rows.add(s);
      }
    }
    return rows;
  }

  private static List<MarketStatistics> hourRows(List<MarketStatistics> rows) {
    return filter(rows, s -> s.getPeriod().equals("1h"));
  }

  private static List<MarketStatistics> filter(
      List<MarketStatistics> rows, Predicate<MarketStatistics> keep) {
    return rows.stream().filter(keep).toList();
  }
}
