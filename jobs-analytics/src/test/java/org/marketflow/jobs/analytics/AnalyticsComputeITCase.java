package org.marketflow.jobs.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.math3.stat.correlation.KendallsCorrelation;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.marketflow.jobs.common.JobRunner;
import org.marketflow.jobs.common.records.Consumed;
import org.marketflow.schemas.avro.CorrelationMatrix;
import org.marketflow.schemas.avro.DeadLetter;
import org.marketflow.schemas.avro.LiquidityMetrics;
import org.marketflow.schemas.avro.MarketAnomaly;
import org.marketflow.schemas.avro.MarketRegimeIndicators;
import org.marketflow.schemas.avro.OhlcBar;
import org.marketflow.schemas.avro.VolatilityMetrics;
import org.marketflow.schemas.kafka.DeadLetters;
import org.marketflow.schemas.kafka.RecordOrigin;
import org.marketflow.schemas.kafka.TopicSpec;
import org.marketflow.testing.data.MicrostructureRecords;
import org.marketflow.testing.junit.FlinkMiniCluster;

/**
 * {@link AnalyticsJob#compute} on 5 hours of three instruments' bars from memory, on a MiniCluster
 * with generic types refused: a volatility and regime record per instrument, window and minute, the
 * last matrices of each method against commons-math3 over the same returns, a not-final bar left
 * out, and a rejected record routed to the dead letters.
 */
class AnalyticsComputeITCase {

  @RegisterExtension static final MiniClusterExtension FLINK = FlinkMiniCluster.extension();

  private static final int MINUTES = 300;
  private static final double ANNUALIZATION = Math.sqrt(525_600);

  @Test
  void computesVolatilityRegimesAndCorrelationsOfEveryInstrument() throws Exception {
    List<OhlcBar> bars = AnalyticsBars.bars(MINUTES);
    List<Consumed<OhlcBar>> consumed = AnalyticsBars.consumed(bars);
    OhlcBar notFinal = OhlcBar.newBuilder(bars.get(0)).setIsFinal(false).setClose(1).build();
    consumed.add(1, Consumed.of(notFinal, 0, 9_999));
    DeadLetter rejected =
        DeadLetters.DEFAULT.of(
            "jobs-analytics.validate",
            "non-finite price in bar",
            RecordOrigin.kafka("in-memory-bars", 0, 10_000),
            0L,
            new byte[] {1});
    consumed.add(Consumed.rejected(rejected, 0, 10_000));

    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(2);
    JobRunner.configureRecords(env);
    AnalyticsJob.Outputs outputs =
        AnalyticsJob.compute(AnalyticsBars.stream(env, consumed), AnalyticsJob.Settings.defaults());
    DataStream.Collector<VolatilityMetrics> volatility = new DataStream.Collector<>();
    DataStream.Collector<CorrelationMatrix> correlations = new DataStream.Collector<>();
    DataStream.Collector<MarketRegimeIndicators> regimes = new DataStream.Collector<>();
    DataStream.Collector<MarketAnomaly> anomalies = new DataStream.Collector<>();
    DataStream.Collector<DeadLetter> deadLetters = new DataStream.Collector<>();
    outputs.volatility().collectAsync(volatility);
    outputs.correlations().collectAsync(correlations);
    outputs.regimes().collectAsync(regimes);
    outputs.anomalies().collectAsync(anomalies);
    outputs.deadLetters().collectAsync(deadLetters);
    env.execute("analytics-compute");

    List<VolatilityMetrics> vols = drain(volatility.getOutput());
    List<CorrelationMatrix> matrices = drain(correlations.getOutput());
    List<MarketRegimeIndicators> regimeRows = drain(regimes.getOutput());
    drain(anomalies.getOutput());
    assertThat(drain(deadLetters.getOutput())).containsExactly(rejected);

    assertThat(vols).hasSize(3 * MINUTES * 2); // instruments × minutes × (1h, 24h)
    assertThat(regimeRows).hasSize(3 * MINUTES);
    VolatilityMetrics lastHour = last(vols, AnalyticsBars.BTC, "1h");
    List<Double> btcCloses = closes(bars, AnalyticsBars.BTC);
    assertThat(lastHour.getBars()).isEqualTo(60);
    assertThat(lastHour.getRealizedVol())
        .isCloseTo(
            new StandardDeviation().evaluate(returns(btcCloses, 60 - 1)) * ANNUALIZATION,
            within(1e-12));
    assertThat(lastHour.getImpliedVol()).isNull();
    assertThat(lastHour.getGarchAlpha()).isNotNull();
    assertThat(lastHour.getGarchAlpha() + lastHour.getGarchBeta()).isLessThan(1);
    assertThat(regimeRows.get(regimeRows.size() - 1).getTrendDirection()).isNotNull();

    // The last 1H matrices: 60 one-minute returns of each instrument ending at the last bar's end.
    List<String> assets = List.of(AnalyticsBars.BTC, AnalyticsBars.FOLLOWER, AnalyticsBars.WALK);
    List<String> sorted = assets.stream().sorted().toList();
    double[] x = returns(btcCloses, 60);
    double[] y = returns(closes(bars, AnalyticsBars.FOLLOWER), 60);
    int i = sorted.indexOf(AnalyticsBars.BTC);
    int j = sorted.indexOf(AnalyticsBars.FOLLOWER);
    CorrelationMatrix pearson = lastMatrix(matrices, "1H", "pearson");
    assertThat(pearson.getAssets()).containsExactlyElementsOf(sorted);
    assertThat(pearson.getCorrelations().get(i * 3 + j))
        .isCloseTo(new PearsonsCorrelation().correlation(x, y), within(1e-9));
    assertThat(pearson.getCorrelations().get(i * 3 + j)).isGreaterThan(0.5);
    assertThat(lastMatrix(matrices, "1H", "spearman").getCorrelations().get(i * 3 + j))
        .isCloseTo(new SpearmansCorrelation().correlation(x, y), within(1e-9));
    assertThat(lastMatrix(matrices, "1H", "kendall").getCorrelations().get(i * 3 + j))
        .isCloseTo(new KendallsCorrelation().correlation(x, y), within(1e-9));
    assertThat(pearson.getClusters())
        .contains(List.of(sorted.get(Math.min(i, j)), sorted.get(Math.max(i, j))));
    assertThat(matrices).extracting(CorrelationMatrix::getWindow).contains("1H", "4H", "24H");
  }

  /**
   * The "Bad input" on one instrument, with its liquidity: no correlation is possible, a
   * gap of missing bars, an hour of constant prices, too few points at the start. Every bar still
   * gives its volatility and regime records, with null fields and their reasons where a value is
   * undefined; no matrix; the liquidity regime from the liquidity values, the correlation regime
   * null.
   */
  @Test
  void aSingleInstrumentWithGapsAndConstantPricesGivesDefinedRecordsAndNoMatrix() throws Exception {
    String alone = "SIM:ALONE";
    long startMs = AnalyticsBars.bars(1).get(0).getBucketStartUs() / 1_000L;
    java.util.Random random = new java.util.Random(23);
    List<OhlcBar> bars = new ArrayList<>();
    List<LiquidityMetrics> liquidity = new ArrayList<>();
    double price = 100;
    for (int m = 0; m < 200; m++) {
      if (m >= 60 && m < 65) {
        continue; // five minutes without a bar
      }
      long barStartMs = startMs + m * 60_000L;
      double open = price;
      if (m >= 65 && m < 130) {
        price = 100; // constant: open = high = low = close
        bars.add(AnalyticsBars.bar(alone, barStartMs, 100, 100, 100, 100, 1));
      } else {
        price *= Math.exp(1e-3 * random.nextGaussian());
        bars.add(AnalyticsBars.barFrom(alone, barStartMs, open, price, 1 + random.nextDouble()));
      }
      liquidity.add(
          MicrostructureRecords.liquidity(
              alone, barStartMs, 1e6 * (1 + 0.1 * random.nextGaussian())));
    }

    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(2);
    JobRunner.configureRecords(env);
    AnalyticsJob.Outputs outputs =
        AnalyticsJob.compute(
            AnalyticsBars.stream(env, AnalyticsBars.consumed(bars)),
            AnalyticsBars.stream(env, AnalyticsBars.consumed(liquidity), TopicSpec.LIQUIDITY),
            null,
            AnalyticsJob.Settings.defaults());
    DataStream.Collector<VolatilityMetrics> volatility = new DataStream.Collector<>();
    DataStream.Collector<CorrelationMatrix> correlations = new DataStream.Collector<>();
    DataStream.Collector<MarketRegimeIndicators> regimes = new DataStream.Collector<>();
    DataStream.Collector<DeadLetter> deadLetters = new DataStream.Collector<>();
    outputs.volatility().collectAsync(volatility);
    outputs.correlations().collectAsync(correlations);
    outputs.regimes().collectAsync(regimes);
    outputs.deadLetters().collectAsync(deadLetters);
    env.execute("analytics-single-instrument");

    List<VolatilityMetrics> vols = drain(volatility.getOutput());
    List<MarketRegimeIndicators> regimeRows = drain(regimes.getOutput());
    assertThat(drain(correlations.getOutput())).isEmpty();
    assertThat(drain(deadLetters.getOutput())).isEmpty();
    assertThat(vols).hasSize(2 * bars.size());
    assertThat(regimeRows).hasSize(bars.size());

    VolatilityMetrics first = at(vols, startMs + 60_000L, "1h");
    assertThat(first.getRealizedVol()).isNull();
    assertThat(first.getNullReason()).isEqualTo("too few points");
    // The hour ending at minute 71's end holds minutes 12..71 without the five missing ones.
    assertThat(at(vols, startMs + 71 * 60_000L, "1h").getBars()).isEqualTo(55);
    // The hour ending at minute 130's end holds minutes 70..129, all at a constant price.
    VolatilityMetrics constant = at(vols, startMs + 130 * 60_000L, "1h");
    assertThat(constant.getBars()).isEqualTo(60);
    assertThat(constant.getRealizedVol()).isEqualTo(0.0);
    assertThat(constant.getParkinsonVol()).isEqualTo(0.0);
    assertThat(constant.getGarmanKlassVol()).isEqualTo(0.0);
    assertThat(constant.getVolOfVol()).isNull();
    assertThat(constant.getNullReason()).isEqualTo("too few points");
    assertThat(at(vols, startMs + 200 * 60_000L, "24h").getBars()).isEqualTo(bars.size());

    MarketRegimeIndicators firstRegime = regimeRows.get(0);
    assertThat(firstRegime.getTrendStrength()).isNull();
    assertThat(firstRegime.getTrendDirection()).isEqualTo("SIDEWAYS");
    assertThat(regimeRows).allSatisfy(r -> assertThat(r.getCorrelationRegime()).isNull());
    // The liquidity regime from the 61st liquidity value on (an hour of trailing values).
    assertThat(regimeRows.subList(0, 60))
        .allSatisfy(r -> assertThat(r.getLiquidityRegime()).isNull());
    assertThat(regimeRows.subList(60, regimeRows.size()))
        .allSatisfy(r -> assertThat(r.getLiquidityRegime()).isEqualTo("NORMAL"));
  }

  private static VolatilityMetrics at(List<VolatilityMetrics> rows, long endMs, String window) {
    return rows.stream()
        .filter(v -> v.getTimestampUs() == endMs * 1_000L && v.getWindow().equals(window))
        .findFirst()
        .orElseThrow();
  }

  static <T> List<T> drain(Iterator<T> iterator) {
    List<T> out = new ArrayList<>();
    iterator.forEachRemaining(out::add);
    return out;
  }

  private static VolatilityMetrics last(
      List<VolatilityMetrics> rows, String instrument, String window) {
    return rows.stream()
        .filter(v -> v.getInstrument().equals(instrument) && v.getWindow().equals(window))
        .max(Comparator.comparingLong(VolatilityMetrics::getTimestampUs))
        .orElseThrow();
  }

  private static CorrelationMatrix lastMatrix(
      List<CorrelationMatrix> rows, String window, String method) {
    return rows.stream()
        .filter(m -> m.getWindow().equals(window) && m.getMethod().equals(method))
        .max(Comparator.comparingLong(CorrelationMatrix::getTimestampUs))
        .orElseThrow();
  }

  private static List<Double> closes(List<OhlcBar> bars, String instrument) {
    return bars.stream()
        .filter(b -> b.getInstrument().equals(instrument))
        .map(OhlcBar::getClose)
        .toList();
  }

  /** The last {@code n} log returns of {@code closes}. */
  private static double[] returns(List<Double> closes, int n) {
    double[] out = new double[n];
    int first = closes.size() - n;
    for (int k = 0; k < n; k++) {
      out[k] = Math.log(closes.get(first + k) / closes.get(first + k - 1));
    }
    return out;
  }
}
