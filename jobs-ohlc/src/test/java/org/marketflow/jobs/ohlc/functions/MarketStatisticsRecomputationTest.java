package org.marketflow.jobs.ohlc.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.marketflow.jobs.ohlc.functions.StatisticsHarness.DAY_MS;
import static org.marketflow.jobs.ohlc.functions.StatisticsHarness.HOUR_MS;
import static org.marketflow.jobs.ohlc.functions.StatisticsHarness.MINUTE_MS;
import static org.marketflow.jobs.ohlc.functions.StatisticsHarness.STALENESS_MS;

import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;
import org.junit.jupiter.api.Test;
import org.marketflow.schemas.avro.LiquidityMetrics;
import org.marketflow.schemas.avro.MarketStatistics;
import org.marketflow.schemas.avro.OhlcBar;
import org.marketflow.testing.data.SharedData;

/**
 * The operator's statistics against a plain recomputation: for a month of real 1-minute bars
 * (BTC-PERP, 2022-01, {@code shared/data/bars}) with stretches of hours and a day taken out, every
 * row is compared, for every 23rd minute (every minute of the hour in turn), with a loop over the
 * bars in the period as the period's definition says, the volatility from Commons Math.
 */
class MarketStatisticsRecomputationTest {

  private static final String FILE = "bars/btc-perp-20211231-20220201_1m.csv";
  private static final String INSTRUMENT = "FTX:BTC-PERP";
  private static final int MIN_RETURNS = 10;
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

  @Test
  void everyPeriodEqualsAPlainLoopOverItsBars() throws Exception {
    List<OhlcBar> bars = bars();
    List<LiquidityMetrics> liquidity = new ArrayList<>();
    long first = start(bars.get(0));
    long last = start(bars.get(bars.size() - 1));
    assertThat(last - first).as("a month").isGreaterThan(31 * DAY_MS);

    List<MarketStatistics> checked = new ArrayList<>();
    long rows = 0;
    try (StatisticsHarness harness = new StatisticsHarness(MIN_RETURNS)) {
      for (int i = 0; i < bars.size(); i++) {
        OhlcBar bar = bars.get(i);
        long startMs = start(bar);
        harness.bar(bar);
        boolean liquidityGap =
            startMs >= first + 5 * DAY_MS && startMs < first + 5 * DAY_MS + HOUR_MS;
        if (i % 3 == 0 && !liquidityGap) {
          LiquidityMetrics value =
              StatisticsHarness.liquidity(INSTRUMENT, startMs, 1_000_000.0 + i);
          liquidity.add(value);
          harness.liquidity(value);
        }
        if (i % 10 == 0 || i == bars.size() - 1) {
          harness.watermarkFor(startMs); // steps of one to many minutes
          for (MarketStatistics s : harness.rows()) {
            rows++;
            if ((s.getPeriodEndUs() / 1_000 / MINUTE_MS) % 23 == 0) {
              checked.add(s);
            }
          }
        }
      }
      harness.watermark(Long.MAX_VALUE);
      for (MarketStatistics s : harness.rows()) {
        rows++;
        if ((s.getPeriodEndUs() / 1_000 / MINUTE_MS) % 23 == 0) {
          checked.add(s);
        }
      }
    }

    long minutes = (last - first) / MINUTE_MS + 1;
    assertThat(rows).as("four rows for every minute boundary").isEqualTo(4 * minutes);
    assertThat(checked).hasSizeGreaterThan(4 * 1_900);
    List<String> differences = new ArrayList<>();
    for (MarketStatistics s : checked) {
      differences.addAll(differencesFromRecomputed(s, bars, liquidity));
    }
    assertThat(differences).isEmpty();
  }

  /** Where the row differs from its period's definition applied in a loop over the bars. */
  private static List<String> differencesFromRecomputed(
      MarketStatistics s, List<OhlcBar> bars, List<LiquidityMetrics> liquidity) {
    long end = s.getPeriodEndUs() / 1_000;
    long lastHour = Math.floorDiv(end - MINUTE_MS, HOUR_MS) * HOUR_MS;
    long start =
        switch (s.getPeriod()) {
          case "1h" -> end - HOUR_MS;
          case "24h" -> end - DAY_MS;
          case "7d" -> lastHour - 167 * HOUR_MS;
          case "30d" -> lastHour - 719 * HOUR_MS;
          default -> throw new AssertionError(s.getPeriod());
        };
    Check check = new Check(s.getPeriod() + " ending " + end);
    check.equal("periodStartUs", s.getPeriodStartUs(), start * 1_000);

    int count = 0;
    double volume = 0;
    double quoteVolume = 0;
    double buyVolume = 0;
    double sellVolume = 0;
    long trades = 0;
    double high = Double.NEGATIVE_INFINITY;
    double low = Double.POSITIVE_INFINITY;
    OhlcBar firstBar = null;
    OhlcBar lastBar = null;
    List<Double> returns = new ArrayList<>();
    for (int i = firstAtOrAfter(bars, start); i < bars.size() && start(bars.get(i)) < end; i++) {
      OhlcBar bar = bars.get(i);
      if (lastBar != null) {
        returns.add(Math.log(bar.getClose() / lastBar.getClose()));
      }
      if (firstBar == null) {
        firstBar = bar;
      }
      lastBar = bar;
      count++;
      volume += bar.getVolume();
      quoteVolume += bar.getQuoteVolume();
      buyVolume += bar.getBuyVolume();
      sellVolume += bar.getSellVolume();
      trades += bar.getTradeCount();
      high = Math.max(high, bar.getHigh());
      low = Math.min(low, bar.getLow());
    }
    check.equal("barCount", s.getBarCount(), count);
    check.equal("trades", s.getTrades(), trades);
    check.close("volume", s.getVolume(), volume);
    check.close("quoteVolume", s.getQuoteVolume(), quoteVolume);
    check.close("buyVolume", s.getBuyVolume(), buyVolume);
    check.close("sellVolume", s.getSellVolume(), sellVolume);
    if (count == 0) {
      check.equal("open", s.getOpen(), null);
      check.equal("vwap", s.getVwap(), null);
    } else {
      check.equal("open", s.getOpen(), firstBar.getOpen());
      check.equal("close", s.getClose(), lastBar.getClose());
      check.equal("high", s.getHigh(), high);
      check.equal("low", s.getLow(), low);
      check.close("vwap", s.getVwap(), quoteVolume / volume);
    }
    if (returns.size() < MIN_RETURNS) {
      check.equal("volatility", s.getVolatility(), null);
    } else {
      double sd =
          new StandardDeviation(true)
              .evaluate(returns.stream().mapToDouble(Double::doubleValue).toArray());
      check.close("volatility", s.getVolatility(), sd);
      check.close("annualizedVolatility", s.getAnnualizedVolatility(), sd * Math.sqrt(525_600));
    }

    LiquidityMetrics latest = null;
    for (LiquidityMetrics value : liquidity) { // in time order
      if (value.getBucketStartUs() / 1_000 + MINUTE_MS > end) {
        break;
      }
      latest = value;
    }
    if (latest == null || end - (latest.getBucketStartUs() / 1_000 + MINUTE_MS) > STALENESS_MS) {
      check.equal("liquidityUsd", s.getLiquidityUsd(), null);
    } else {
      check.equal("liquidityUsd", s.getLiquidityUsd(), latest.getTotalLiquidityUsd());
      check.equal(
          "liquidityBucketStartUs", s.getLiquidityBucketStartUs(), latest.getBucketStartUs());
    }
    return check.differences;
  }

  /** The differences of one row: exact values, and sums within a relative 1e-9. */
  private static final class Check {
    final String row;
    final List<String> differences = new ArrayList<>();

    Check(String row) {
      this.row = row;
    }

    void equal(String field, Object actual, Object expected) {
      if (!Objects.equals(actual, expected)) {
        differences.add(row + ": " + field + " " + actual + ", recomputed " + expected);
      }
    }

    void close(String field, Double actual, double expected) {
      if (actual == null || Math.abs(actual - expected) > 1e-9 * Math.abs(expected)) {
        differences.add(row + ": " + field + " " + actual + ", recomputed " + expected);
      }
    }
  }

  /**
   * The file's bars with trade counts and buy/sell volumes made up from their position, less the
   * 3.5 hours from day 3, 10:17 and the whole of day 10.
   */
  private static List<OhlcBar> bars() throws Exception {
    List<OhlcBar> bars = new ArrayList<>();
    try (BufferedReader in =
        Files.newBufferedReader(SharedData.file(FILE), StandardCharsets.UTF_8)) {
      String header = in.readLine();
      assertThat(header).isEqualTo("timestamp,open,high,low,close,volume");
      long first = Long.MIN_VALUE;
      String line;
      while ((line = in.readLine()) != null) {
        String[] f = line.split(",");
        long startMs = LocalDateTime.parse(f[0], TIME).toInstant(ZoneOffset.UTC).toEpochMilli();
        if (first == Long.MIN_VALUE) {
          first = Math.floorDiv(startMs, DAY_MS) * DAY_MS;
        }
        long sinceFirst = startMs - first;
        boolean hours =
            sinceFirst >= 3 * DAY_MS + 10 * HOUR_MS + 17 * MINUTE_MS
                && sinceFirst < 3 * DAY_MS + 13 * HOUR_MS + 47 * MINUTE_MS;
        boolean day = sinceFirst >= 10 * DAY_MS && sinceFirst < 11 * DAY_MS;
        if (hours || day) {
          continue;
        }
        double open = Double.parseDouble(f[1]);
        double high = Double.parseDouble(f[2]);
        double low = Double.parseDouble(f[3]);
        double close = Double.parseDouble(f[4]);
        double volume = Double.parseDouble(f[5]);
        OhlcBar bar = StatisticsHarness.bar(INSTRUMENT, startMs, open, high, low, close, volume);
        int n = bars.size();
        bar.setQuoteVolume(volume * (open + high + low + close) / 4);
        bar.setTradeCount(1 + n % 13);
        bar.setBuyVolume(volume * (n % 5) / 5.0);
        bar.setSellVolume(volume - bar.getBuyVolume() - volume * 0.01);
        bars.add(bar);
      }
    }
    return bars;
  }

  /** The first bar starting at or after {@code ms}; the bars are in time order. */
  private static int firstAtOrAfter(List<OhlcBar> bars, long ms) {
    int lo = 0;
    int hi = bars.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (start(bars.get(mid)) < ms) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private static long start(OhlcBar bar) {
    return bar.getBucketStartUs() / 1_000;
  }
}
