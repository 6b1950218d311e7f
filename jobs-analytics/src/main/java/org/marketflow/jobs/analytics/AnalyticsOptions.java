package org.marketflow.jobs.analytics;

import static org.apache.flink.configuration.ConfigOptions.key;

import java.time.Duration;
import java.util.List;
import org.apache.flink.configuration.ConfigOption;
import org.marketflow.jobs.analytics.estimators.CorrelationMethod;
import org.marketflow.jobs.analytics.records.CorrelationWindow;
import org.marketflow.schemas.kafka.Topics;

/**
 * The options of {@link AnalyticsJob} beside the common {@link
 * org.marketflow.jobs.common.options.JobOptions}, passed as {@code --key value} arguments.
 */
public final class AnalyticsOptions {

  public static final ConfigOption<String> BARS_TOPIC =
      key("topic.bars").stringType().defaultValue(Topics.BARS).withDescription("Input topic.");

  public static final ConfigOption<String> LIQUIDITY_TOPIC =
      key("topic.liquidity")
          .stringType()
          .noDefaultValue()
          .withDescription(
              "The microstructure job's liquidity topic ("
                  + Topics.LIQUIDITY
                  + ") to read the liquidity regime and liquidity holes from; none (or empty) by"
                  + " default: no liquidity regime, no liquidity holes.");

  public static final ConfigOption<String> MICROSTRUCTURE_TOPIC =
      key("topic.microstructure")
          .stringType()
          .noDefaultValue()
          .withDescription(
              "The microstructure job's per-second topic ("
                  + Topics.MICROSTRUCTURE
                  + ") to read the spread blowouts from; none (or empty) by default: no spread"
                  + " blowouts.");

  public static final ConfigOption<String> VOLATILITY_TOPIC =
      key("topic.volatility")
          .stringType()
          .defaultValue(Topics.VOLATILITY)
          .withDescription("Output topic of the volatility metrics.");

  public static final ConfigOption<String> CORRELATIONS_TOPIC =
      key("topic.correlations")
          .stringType()
          .defaultValue(Topics.CORRELATIONS)
          .withDescription("Output topic of the correlation matrices.");

  public static final ConfigOption<String> REGIMES_TOPIC =
      key("topic.regimes")
          .stringType()
          .defaultValue(Topics.REGIMES)
          .withDescription("Output topic of the regime indicators.");

  public static final ConfigOption<String> ANOMALIES_TOPIC =
      key("topic.anomalies")
          .stringType()
          .defaultValue(Topics.ANOMALIES)
          .withDescription("Output topic of the anomalies.");

  public static final ConfigOption<List<Duration>> VOLATILITY_WINDOWS =
      key("analytics.volatility-windows")
          .durationType()
          .asList()
          .defaultValues(Duration.ofHours(1), Duration.ofHours(24))
          .withDescription(
              "Trailing windows of the volatility metrics, whole minutes, at most 24 h (the"
                  + " bars an instrument keeps).");

  public static final ConfigOption<List<String>> CORRELATION_WINDOWS =
      key("analytics.correlation-windows")
          .stringType()
          .asList()
          .defaultValues("1H", "4H", "24H", "7D", "30D")
          .withDescription("Correlation windows among 1H, 4H, 24H, 7D, 30D.");

  public static final ConfigOption<Integer> MIN_CORRELATION_STEPS =
      key("analytics.min-correlation-steps")
          .intType()
          .defaultValue(10)
          .withDescription("Common returns a pair's correlation needs; fewer leave it null.");

  public static final ConfigOption<Integer> MAX_INSTRUMENTS =
      key("analytics.max-instruments")
          .intType()
          .defaultValue(500)
          .withDescription(
              "Instruments a correlation window holds at most; bars of further ones are counted"
                  + " (correlationInstrumentsRefused) and left out of the matrices.");

  public static final ConfigOption<Duration> GARCH_REFIT =
      key("analytics.garch-refit")
          .durationType()
          .defaultValue(Duration.ofHours(1))
          .withDescription("How often (event time) GARCH(1,1) and the HMM are refitted.");

  public static final ConfigOption<Integer> GARCH_HORIZON_MINUTES =
      key("analytics.garch-horizon-minutes")
          .intType()
          .defaultValue(60)
          .withDescription("h of the h-period GARCH volatility forecast, minutes.");

  public static final ConfigOption<Integer> ANOMALY_TRAILING_BARS =
      key("analytics.anomaly-trailing-bars")
          .intType()
          .defaultValue(240)
          .withDescription("Bars before the newest that its robust z-scores are taken against.");

  public static final ConfigOption<Integer> LIQUIDITY_TRAILING_MINUTES =
      key("analytics.liquidity-trailing-minutes")
          .intType()
          .defaultValue(1_440)
          .withDescription(
              "Liquidity values (one a minute) before the newest whose median the liquidity regime"
                  + " compares it with; at least 60 and at least analytics.anomaly-trailing-bars.");

  public static final ConfigOption<Duration> LIQUIDITY_STALENESS =
      key("analytics.liquidity-staleness")
          .durationType()
          .defaultValue(Duration.ofMinutes(5))
          .withDescription(
              "A regime record ending at T takes the liquidity regime of the latest liquidity"
                  + " value whose minute ended at or before T and at most this long before T; none"
                  + " leaves it null.");

  public static final ConfigOption<String> REGIME_CORRELATION_WINDOW =
      key("analytics.regime-correlation-window")
          .stringType()
          .defaultValue(CorrelationWindow.H1.label())
          .withDescription(
              "The correlation window (one of analytics.correlation-windows) whose matrices give"
                  + " each instrument's correlation regime.");

  public static final ConfigOption<String> REGIME_CORRELATION_METHOD =
      key("analytics.regime-correlation-method")
          .stringType()
          .defaultValue(CorrelationMethod.PEARSON.label())
          .withDescription(
              "The correlation method (pearson, spearman or kendall) whose matrices give each"
                  + " instrument's correlation regime.");

  public static final ConfigOption<String> REDIS_NAMESPACE =
      key("analytics.redis-namespace")
          .stringType()
          .defaultValue("")
          .withDescription(
              "Prepended to every Redis key the job writes (market:corr:..., market:vol:...,"
                  + " market:regime:...); empty in production, a test's own prefix.");

  public static final ConfigOption<String> NEO4J_URL =
      key("neo4j.url")
          .stringType()
          .noDefaultValue()
          .withDescription(
              "bolt:// or neo4j:// URL of the graph of correlations and regime transitions; none:"
                  + " no graph.");

  public static final ConfigOption<String> NEO4J_USER =
      key("neo4j.user")
          .stringType()
          .noDefaultValue()
          .withDescription("Neo4j user; none for a server without authentication.");

  public static final ConfigOption<String> NEO4J_PASSWORD =
      key("neo4j.password").stringType().defaultValue("").withDescription("Neo4j password.");

  public static final ConfigOption<Integer> NEO4J_BATCH_SIZE =
      key("neo4j.batch-size")
          .intType()
          .defaultValue(1_000)
          .withDescription(
              "Rows per UNWIND statement; what is buffered is also sent at every checkpoint.");

  public static final List<ConfigOption<?>> ALL =
      List.of(
          BARS_TOPIC,
          LIQUIDITY_TOPIC,
          MICROSTRUCTURE_TOPIC,
          VOLATILITY_TOPIC,
          CORRELATIONS_TOPIC,
          REGIMES_TOPIC,
          ANOMALIES_TOPIC,
          VOLATILITY_WINDOWS,
          CORRELATION_WINDOWS,
          MIN_CORRELATION_STEPS,
          MAX_INSTRUMENTS,
          GARCH_REFIT,
          GARCH_HORIZON_MINUTES,
          ANOMALY_TRAILING_BARS,
          LIQUIDITY_TRAILING_MINUTES,
          LIQUIDITY_STALENESS,
          REGIME_CORRELATION_WINDOW,
          REGIME_CORRELATION_METHOD,
          REDIS_NAMESPACE,
          NEO4J_URL,
          NEO4J_USER,
          NEO4J_PASSWORD,
          NEO4J_BATCH_SIZE);

  private AnalyticsOptions() {}
}
