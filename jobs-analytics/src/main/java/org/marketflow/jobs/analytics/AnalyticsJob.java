package org.marketflow.jobs.analytics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.Preconditions;
import org.marketflow.jobs.analytics.estimators.CorrelationMethod;
import org.marketflow.jobs.analytics.functions.BarCheck;
import org.marketflow.jobs.analytics.functions.BarInstrument;
import org.marketflow.jobs.analytics.functions.CloseWindow;
import org.marketflow.jobs.analytics.functions.CorrelationProcessor;
import org.marketflow.jobs.analytics.functions.FinalMinuteBars;
import org.marketflow.jobs.analytics.functions.InstrumentAnalytics;
import org.marketflow.jobs.analytics.functions.InstrumentAnalyticsProcessor;
import org.marketflow.jobs.analytics.functions.InstrumentCorrelations;
import org.marketflow.jobs.analytics.functions.LiquidityAnalytics;
import org.marketflow.jobs.analytics.functions.LiquidityInstrument;
import org.marketflow.jobs.analytics.functions.LiquidityProcessor;
import org.marketflow.jobs.analytics.functions.MicrostructureInstrument;
import org.marketflow.jobs.analytics.functions.ReadingInstrument;
import org.marketflow.jobs.analytics.functions.RegimeInstrument;
import org.marketflow.jobs.analytics.functions.RegimeJoin;
import org.marketflow.jobs.analytics.functions.RegimeTransitions;
import org.marketflow.jobs.analytics.functions.SpreadAnalytics;
import org.marketflow.jobs.analytics.functions.SpreadProcessor;
import org.marketflow.jobs.analytics.functions.TransitionSource;
import org.marketflow.jobs.analytics.functions.TransitionStatistics;
import org.marketflow.jobs.analytics.functions.WindowCloses;
import org.marketflow.jobs.analytics.records.CorrelationWindow;
import org.marketflow.jobs.analytics.records.RegimeEdge;
import org.marketflow.jobs.analytics.records.RegimeReading;
import org.marketflow.jobs.analytics.records.RegimeTransition;
import org.marketflow.jobs.analytics.records.WindowClose;
import org.marketflow.jobs.analytics.sinks.AnalyticsInRedis;
import org.marketflow.jobs.analytics.sinks.AnomalyStatement;
import org.marketflow.jobs.analytics.sinks.CorrelationGraph;
import org.marketflow.jobs.analytics.sinks.CorrelationStatement;
import org.marketflow.jobs.analytics.sinks.Neo4jSink;
import org.marketflow.jobs.analytics.sinks.RegimeGraph;
import org.marketflow.jobs.analytics.sinks.RegimeStatement;
import org.marketflow.jobs.analytics.sinks.VolatilityStatement;
import org.marketflow.jobs.common.JobRunner;
import org.marketflow.jobs.common.StreamingJob;
import org.marketflow.jobs.common.functions.AcceptedValues;
import org.marketflow.jobs.common.jdbc.JdbcUpsertSink;
import org.marketflow.jobs.common.kafka.KafkaInput;
import org.marketflow.jobs.common.kafka.TopicSink;
import org.marketflow.jobs.common.options.Backtest;
import org.marketflow.jobs.common.options.JobOptions;
import org.marketflow.jobs.common.records.Consumed;
import org.marketflow.jobs.common.redis.RedisSink;
import org.marketflow.jobs.common.validation.LiquidityCheck;
import org.marketflow.jobs.common.validation.MicrostructureCheck;
import org.marketflow.schemas.avro.CorrelationMatrix;
import org.marketflow.schemas.avro.DeadLetter;
import org.marketflow.schemas.avro.LiquidityMetrics;
import org.marketflow.schemas.avro.MarketAnomaly;
import org.marketflow.schemas.avro.MarketMicrostructure;
import org.marketflow.schemas.avro.MarketRegimeIndicators;
import org.marketflow.schemas.avro.OhlcBar;
import org.marketflow.schemas.avro.VolatilityMetrics;
import org.marketflow.schemas.db.Tables;
import org.marketflow.schemas.kafka.TopicSpec;

/**
 * Volatility, correlations, regimes and anomalies from the final 1-minute bars of the bars topic
 * (docs/jobs/analytics.md). {@link #compute} is the computation; {@link #wire} adds the Kafka
 * source and the sinks; {@link #main} reads the options and runs it.
 */
public final class AnalyticsJob implements StreamingJob {

  public static final String NAME = "jobs-analytics";

  /** The schema version that created the analytics tables. */
  public static final int SCHEMA_VERSION = 7;

  // Operator UIDs: fixed once a savepoint exists.
  public static final String SOURCE_UID = "analytics-bars-source";
  public static final String ROUTE_UID = "analytics-route-dead-letters";
  public static final String BARS_UID = "analytics-valid-bars";
  public static final String FINAL_BARS_UID = "analytics-final-1m-bars";
  public static final String INSTRUMENT_UID = "analytics-instrument";
  public static final String CLOSES_UID = "analytics-window-closes";
  public static final String CORRELATIONS_UID = "analytics-correlations";
  public static final String LIQUIDITY_SOURCE_UID = "analytics-liquidity-source";
  public static final String LIQUIDITY_ROUTE_UID = "analytics-route-liquidity";
  public static final String LIQUIDITY_VALUES_UID = "analytics-valid-liquidity";
  public static final String LIQUIDITY_UID = "analytics-liquidity";
  public static final String MICROSTRUCTURE_SOURCE_UID = "analytics-microstructure-source";
  public static final String MICROSTRUCTURE_ROUTE_UID = "analytics-route-microstructure";
  public static final String MICROSTRUCTURE_VALUES_UID = "analytics-valid-microstructure";
  public static final String SPREAD_UID = "analytics-spread";
  public static final String INSTRUMENT_CORRELATIONS_UID = "analytics-instrument-correlations";
  public static final String REGIMES_UID = "analytics-regimes";
  public static final String DEAD_LETTERS_UID = "analytics-dead-letters-sink";
  public static final String VOLATILITY_KAFKA_UID = "analytics-volatility-kafka-sink";
  public static final String CORRELATIONS_KAFKA_UID = "analytics-correlations-kafka-sink";
  public static final String REGIMES_KAFKA_UID = "analytics-regimes-kafka-sink";
  public static final String ANOMALIES_KAFKA_UID = "analytics-anomalies-kafka-sink";
  public static final String VOLATILITY_JDBC_UID = "analytics-volatility-jdbc-sink";
  public static final String CORRELATIONS_JDBC_UID = "analytics-correlations-jdbc-sink";
  public static final String REGIMES_JDBC_UID = "analytics-regimes-jdbc-sink";
  public static final String ANOMALIES_JDBC_UID = "analytics-anomalies-jdbc-sink";
  public static final String VOLATILITY_REDIS_UID = "analytics-volatility-redis-sink";
  public static final String CORRELATIONS_REDIS_UID = "analytics-correlations-redis-sink";
  public static final String REGIMES_REDIS_UID = "analytics-regimes-redis-sink";
  public static final String TRANSITIONS_UID = "analytics-regime-transitions";
  public static final String TRANSITION_STATISTICS_UID = "analytics-regime-transition-statistics";
  public static final String CORRELATIONS_NEO4J_UID = "analytics-correlations-neo4j-sink";
  public static final String REGIMES_NEO4J_UID = "analytics-regimes-neo4j-sink";

  /** What {@link #compute} produces. */
  public record Outputs(
      DataStream<VolatilityMetrics> volatility,
      DataStream<CorrelationMatrix> correlations,
      DataStream<MarketRegimeIndicators> regimes,
      DataStream<MarketAnomaly> anomalies,
      DataStream<RegimeEdge> regimeEdges,
      DataStream<DeadLetter> deadLetters) {}

  /** What {@link #compute} needs. */
  public record Settings(
      List<Duration> volatilityWindows,
      List<CorrelationWindow> correlationWindows,
      int minCorrelationSteps,
      int maxInstruments,
      Duration refit,
      int garchHorizonMinutes,
      int anomalyTrailingBars,
      int liquidityTrailingMinutes,
      Duration liquidityStaleness,
      CorrelationWindow regimeCorrelationWindow,
      CorrelationMethod regimeCorrelationMethod) {

    public Settings {
      Preconditions.checkArgument(
          liquidityTrailingMinutes >= LiquidityAnalytics.MIN_TRAILING
              && liquidityTrailingMinutes >= anomalyTrailingBars,
          "--%s %s must be at least %s and at least --%s (%s)",
          AnalyticsOptions.LIQUIDITY_TRAILING_MINUTES.key(),
          liquidityTrailingMinutes,
          LiquidityAnalytics.MIN_TRAILING,
          AnalyticsOptions.ANOMALY_TRAILING_BARS.key(),
          anomalyTrailingBars);
      Preconditions.checkArgument(
          correlationWindows.contains(regimeCorrelationWindow),
          "--%s %s is not among --%s %s",
          AnalyticsOptions.REGIME_CORRELATION_WINDOW.key(),
          regimeCorrelationWindow.label(),
          AnalyticsOptions.CORRELATION_WINDOWS.key(),
          correlationWindows.stream().map(CorrelationWindow::label).toList());
    }

    public static Settings from(Configuration config) {
      return new Settings(
          config.get(AnalyticsOptions.VOLATILITY_WINDOWS),
          AnalyticsJob.correlationWindows(config),
          config.get(AnalyticsOptions.MIN_CORRELATION_STEPS),
          config.get(AnalyticsOptions.MAX_INSTRUMENTS),
          config.get(AnalyticsOptions.GARCH_REFIT),
          config.get(AnalyticsOptions.GARCH_HORIZON_MINUTES),
          config.get(AnalyticsOptions.ANOMALY_TRAILING_BARS),
          config.get(AnalyticsOptions.LIQUIDITY_TRAILING_MINUTES),
          config.get(AnalyticsOptions.LIQUIDITY_STALENESS),
          AnalyticsJob.regimeCorrelationWindow(config),
          AnalyticsJob.regimeCorrelationMethod(config));
    }

    /** The defaults of every option. */
    public static Settings defaults() {
      return from(new Configuration());
    }
  }

  private final UnaryOperator<DataStream<VolatilityMetrics>> volatilityTap;

  public AnalyticsJob() {
    this(UnaryOperator.identity());
  }

  /**
   * A test seam: {@code volatilityTap} gets the volatility stream the computation produced and
   * returns the stream to write (a test injects a failure there, behind the slow keyed operator, so
   * that it comes while records are still flowing).
   */
  AnalyticsJob(UnaryOperator<DataStream<VolatilityMetrics>> volatilityTap) {
    this.volatilityTap = volatilityTap;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<ConfigOption<?>> options() {
    return AnalyticsOptions.ALL;
  }

  @Override
  public int requiredSchemaVersion() {
    return SCHEMA_VERSION;
  }

  /**
   * {@link #compute(DataStream, DataStream, DataStream, Settings)} without the microstructure job's
   * topics: no liquidity regime, no spread blowouts or liquidity holes.
   */
  public static Outputs compute(DataStream<Consumed<OhlcBar>> input, Settings settings) {
    return compute(input, null, null, settings);
  }

  /**
   * Routes rejected bars to the dead letters, keeps the final 1-minute bars, and computes each
   * instrument's volatility, regime and anomalies (keyed by instrument) and each window's
   * correlation matrices (keyed by window). With {@code liquidity}, each instrument's liquidity
   * regime and liquidity holes; with {@code microstructure}, its spread blowouts. Every input must
   * carry event-time watermarks.
   *
   * @param liquidity the liquidity topic as read, or null
   * @param microstructure the per-second microstructure topic as read, or null
   */
  public static Outputs compute(
      DataStream<Consumed<OhlcBar>> input,
      DataStream<Consumed<LiquidityMetrics>> liquidity,
      DataStream<Consumed<MarketMicrostructure>> microstructure,
      Settings settings) {
    // At the source's parallelism, chained to it: an instrument's bars (one Kafka partition) stay
    // in the order the topic holds them, which the instrument operator relies on.
    AcceptedValues<OhlcBar> bars =
        AcceptedValues.of(input, TypeInformation.of(OhlcBar.class), ROUTE_UID, BARS_UID, "bars");
    SingleOutputStreamOperator<OhlcBar> finalBars =
        bars.values()
            .filter(new FinalMinuteBars())
            .setParallelism(input.getParallelism())
            .uid(FINAL_BARS_UID)
            .name("Final 1m bars");
    SingleOutputStreamOperator<VolatilityMetrics> volatility =
        finalBars
            .keyBy(new BarInstrument(), Types.STRING)
            .process(
                new InstrumentAnalyticsProcessor(
                    new InstrumentAnalytics(
                        settings.volatilityWindows(),
                        settings.refit(),
                        settings.garchHorizonMinutes(),
                        settings.anomalyTrailingBars())),
                TypeInformation.of(VolatilityMetrics.class))
            .uid(INSTRUMENT_UID)
            .name("Volatility, regimes, anomalies");
    SingleOutputStreamOperator<CorrelationMatrix> correlations =
        finalBars
            .flatMap(
                new WindowCloses(settings.correlationWindows()),
                TypeInformation.of(WindowClose.class))
            .uid(CLOSES_UID)
            .name("Closes per correlation window")
            .keyBy(new CloseWindow(), Types.STRING)
            .process(
                new CorrelationProcessor(settings.minCorrelationSteps(), settings.maxInstruments()),
                TypeInformation.of(CorrelationMatrix.class))
            .uid(CORRELATIONS_UID)
            .name("Correlation matrices");
    DataStream<RegimeReading> readings =
        correlations
            .flatMap(
                new InstrumentCorrelations(
                    settings.regimeCorrelationWindow(), settings.regimeCorrelationMethod()),
                TypeInformation.of(RegimeReading.class))
            .uid(INSTRUMENT_CORRELATIONS_UID)
            .name(
                "Correlation regime per instrument "
                    + settings.regimeCorrelationWindow().label()
                    + " "
                    + settings.regimeCorrelationMethod().label());
    DataStream<MarketAnomaly> anomalies =
        volatility.getSideOutput(InstrumentAnalyticsProcessor.ANOMALIES);
    DataStream<DeadLetter> deadLetters = bars.deadLetters();

    if (liquidity != null) {
      AcceptedValues<LiquidityMetrics> values =
          AcceptedValues.of(
              liquidity,
              TypeInformation.of(LiquidityMetrics.class),
              LIQUIDITY_ROUTE_UID,
              LIQUIDITY_VALUES_UID,
              "liquidity");
      SingleOutputStreamOperator<RegimeReading> liquidityReadings =
          values
              .values()
              .keyBy(new LiquidityInstrument(), Types.STRING)
              .process(
                  new LiquidityProcessor(
                      new LiquidityAnalytics(
                          settings.liquidityTrailingMinutes(),
                          settings.anomalyTrailingBars(),
                          settings.liquidityStaleness())),
                  TypeInformation.of(RegimeReading.class))
              .uid(LIQUIDITY_UID)
              .name("Liquidity regimes, liquidity holes");
      readings = readings.union(liquidityReadings);
      anomalies =
          anomalies.union(liquidityReadings.getSideOutput(InstrumentAnalyticsProcessor.ANOMALIES));
      deadLetters = deadLetters.union(values.deadLetters());
    }
    if (microstructure != null) {
      AcceptedValues<MarketMicrostructure> seconds =
          AcceptedValues.of(
              microstructure,
              TypeInformation.of(MarketMicrostructure.class),
              MICROSTRUCTURE_ROUTE_UID,
              MICROSTRUCTURE_VALUES_UID,
              "microstructure");
      anomalies =
          anomalies.union(
              seconds
                  .values()
                  .keyBy(new MicrostructureInstrument(), Types.STRING)
                  .process(
                      new SpreadProcessor(new SpreadAnalytics(settings.anomalyTrailingBars())),
                      TypeInformation.of(MarketAnomaly.class))
                  .uid(SPREAD_UID)
                  .name("Spread blowouts"));
      deadLetters = deadLetters.union(seconds.deadLetters());
    }

    SingleOutputStreamOperator<MarketRegimeIndicators> regimes =
        volatility
            .getSideOutput(InstrumentAnalyticsProcessor.REGIMES)
            .keyBy(new RegimeInstrument(), Types.STRING)
            .connect(readings.keyBy(new ReadingInstrument(), Types.STRING))
            .process(new RegimeJoin(), TypeInformation.of(MarketRegimeIndicators.class))
            .uid(REGIMES_UID)
            .name("Liquidity and correlation regimes");
    SingleOutputStreamOperator<RegimeEdge> regimeEdges =
        regimes
            .keyBy(new RegimeInstrument(), Types.STRING)
            .process(new RegimeTransitions(), TypeInformation.of(RegimeTransition.class))
            .uid(TRANSITIONS_UID)
            .name("Regime transitions")
            .keyBy(new TransitionSource(), Types.STRING)
            .process(new TransitionStatistics(), TypeInformation.of(RegimeEdge.class))
            .uid(TRANSITION_STATISTICS_UID)
            .name("Regime transition statistics");
    return new Outputs(volatility, correlations, regimes, anomalies, regimeEdges, deadLetters);
  }

  @Override
  public void wire(StreamExecutionEnvironment env, Configuration config) {
    KafkaInput<OhlcBar> bars =
        KafkaInput.of(
                NAME, TopicSpec.BARS.withName(config.get(AnalyticsOptions.BARS_TOPIC)), config)
            .withCheck(new BarCheck());
    DataStream<Consumed<LiquidityMetrics>> liquidity =
        KafkaInput.optional(NAME, TopicSpec.LIQUIDITY, AnalyticsOptions.LIQUIDITY_TOPIC, config)
            .map(
                in ->
                    in.withCheck(new LiquidityCheck())
                        .addTo(env, LIQUIDITY_SOURCE_UID, "Kafka liquidity"))
            .orElse(null);
    DataStream<Consumed<MarketMicrostructure>> microstructure =
        KafkaInput.optional(
                NAME, TopicSpec.MICROSTRUCTURE, AnalyticsOptions.MICROSTRUCTURE_TOPIC, config)
            .map(
                in ->
                    in.withCheck(new MicrostructureCheck())
                        .addTo(env, MICROSTRUCTURE_SOURCE_UID, "Kafka microstructure"))
            .orElse(null);
    Outputs computed =
        compute(
            bars.addTo(env, SOURCE_UID, "Kafka bars"),
            liquidity,
            microstructure,
            Settings.from(config));
    Outputs outputs =
        new Outputs(
            volatilityTap.apply(computed.volatility()),
            computed.correlations(),
            computed.regimes(),
            computed.anomalies(),
            computed.regimeEdges(),
            computed.deadLetters());

    outputs
        .volatility()
        .sinkTo(
            TopicSink.fromOptions(
                config,
                NAME,
                "volatility",
                TopicSpec.VOLATILITY.withName(config.get(AnalyticsOptions.VOLATILITY_TOPIC))))
        .uid(VOLATILITY_KAFKA_UID)
        .name("Kafka volatility");
    outputs
        .correlations()
        .sinkTo(
            TopicSink.fromOptions(
                config,
                NAME,
                "correlations",
                TopicSpec.CORRELATIONS.withName(config.get(AnalyticsOptions.CORRELATIONS_TOPIC))))
        .uid(CORRELATIONS_KAFKA_UID)
        .name("Kafka correlations");
    outputs
        .regimes()
        .sinkTo(
            TopicSink.fromOptions(
                config,
                NAME,
                "regimes",
                TopicSpec.REGIMES.withName(config.get(AnalyticsOptions.REGIMES_TOPIC))))
        .uid(REGIMES_KAFKA_UID)
        .name("Kafka regimes");
    outputs
        .anomalies()
        .sinkTo(
            TopicSink.fromOptions(
                config,
                NAME,
                "anomalies",
                TopicSpec.ANOMALIES.withName(config.get(AnalyticsOptions.ANOMALIES_TOPIC))))
        .uid(ANOMALIES_KAFKA_UID)
        .name("Kafka anomalies");
    outputs
        .deadLetters()
        .sinkTo(TopicSink.deadLetters(config, NAME))
        .uid(DEAD_LETTERS_UID)
        .name("Kafka dead letters");

    if (config.get(JobOptions.JDBC_URL) != null) {
      outputs
          .volatility()
          .sinkTo(
              JdbcUpsertSink.builder(Tables.VOLATILITY_METRICS, new VolatilityStatement())
                  .fromOptions(config)
                  .buildAtLeastOnce())
          .uid(VOLATILITY_JDBC_UID)
          .name("PostgreSQL " + Tables.VOLATILITY_METRICS.name());
      outputs
          .correlations()
          .sinkTo(
              JdbcUpsertSink.builder(Tables.CORRELATION_MATRICES, new CorrelationStatement())
                  .fromOptions(config)
                  .buildAtLeastOnce())
          .uid(CORRELATIONS_JDBC_UID)
          .name("PostgreSQL " + Tables.CORRELATION_MATRICES.name());
      outputs
          .regimes()
          .sinkTo(
              JdbcUpsertSink.builder(Tables.MARKET_REGIMES, new RegimeStatement())
                  .fromOptions(config)
                  .buildAtLeastOnce())
          .uid(REGIMES_JDBC_UID)
          .name("PostgreSQL " + Tables.MARKET_REGIMES.name());
      outputs
          .anomalies()
          .sinkTo(
              JdbcUpsertSink.builder(Tables.MARKET_ANOMALIES, new AnomalyStatement())
                  .fromOptions(config)
                  .buildAtLeastOnce())
          .uid(ANOMALIES_JDBC_UID)
          .name("PostgreSQL " + Tables.MARKET_ANOMALIES.name());
    }
    addGraphSinks(outputs, config);
    if (JobOptions.writesRedis(config)) {
      String namespace = config.get(AnalyticsOptions.REDIS_NAMESPACE);
      outputs
          .correlations()
          .sinkTo(RedisSink.fromOptions(config, AnalyticsInRedis.correlations(namespace)))
          .uid(CORRELATIONS_REDIS_UID)
          .name("Redis correlations");
      outputs
          .volatility()
          .sinkTo(RedisSink.fromOptions(config, AnalyticsInRedis.volatility(namespace)))
          .uid(VOLATILITY_REDIS_UID)
          .name("Redis volatility");
      outputs
          .regimes()
          .sinkTo(RedisSink.fromOptions(config, AnalyticsInRedis.regimes(namespace)))
          .uid(REGIMES_REDIS_UID)
          .name("Redis regimes");
    }
  }

  /**
   * With {@code neo4j.url} (and not in a backtest, which leaves the live graph alone): the
   * correlation graph and the regime transitions graph.
   */
  private static void addGraphSinks(Outputs outputs, Configuration config) {
    String url = config.get(AnalyticsOptions.NEO4J_URL);
    if (url == null || url.isBlank() || Backtest.of(config).isPresent()) {
      return;
    }
    String user = config.get(AnalyticsOptions.NEO4J_USER);
    String password = config.get(AnalyticsOptions.NEO4J_PASSWORD);
    int batch = config.get(AnalyticsOptions.NEO4J_BATCH_SIZE);
    outputs
        .correlations()
        .sinkTo(Neo4jSink.buildAtLeastOnce(url, user, password, batch, new CorrelationGraph()))
        .setParallelism(1) // one writer: no two transactions MERGE the same node at once
        .uid(CORRELATIONS_NEO4J_UID)
        .name("Neo4j correlations");
    outputs
        .regimeEdges()
        .sinkTo(Neo4jSink.buildAtLeastOnce(url, user, password, batch, new RegimeGraph()))
        .setParallelism(1)
        .uid(REGIMES_NEO4J_UID)
        .name("Neo4j regime transitions");
  }

  /** The windows {@code analytics.correlation-windows} names, precise about an unknown one. */
  public static List<CorrelationWindow> correlationWindows(Configuration config) {
    List<CorrelationWindow> windows = new ArrayList<>();
    for (String entry : config.get(AnalyticsOptions.CORRELATION_WINDOWS)) {
      for (String label : entry.split(",")) {
        if (label.isBlank()) {
          continue;
        }
        windows.add(
            CorrelationWindow.fromLabel(label)
                .orElseThrow(
                    () ->
                        new IllegalArgumentException(
                            "unknown correlation window '"
                                + label
                                + "' in --"
                                + AnalyticsOptions.CORRELATION_WINDOWS.key()
                                + "; expected some of 1H, 4H, 24H, 7D, 30D")));
      }
    }
    if (windows.isEmpty()) {
      throw new IllegalArgumentException(
          "--" + AnalyticsOptions.CORRELATION_WINDOWS.key() + " names no window");
    }
    return windows;
  }

  /** The window {@code analytics.regime-correlation-window} names, precise about an unknown one. */
  static CorrelationWindow regimeCorrelationWindow(Configuration config) {
    String label = config.get(AnalyticsOptions.REGIME_CORRELATION_WINDOW);
    return CorrelationWindow.fromLabel(label)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unknown correlation window '"
                        + label
                        + "' in --"
                        + AnalyticsOptions.REGIME_CORRELATION_WINDOW.key()
                        + "; expected one of 1H, 4H, 24H, 7D, 30D"));
  }

  /** The method {@code analytics.regime-correlation-method} names, precise about an unknown one. */
  static CorrelationMethod regimeCorrelationMethod(Configuration config) {
    String label = config.get(AnalyticsOptions.REGIME_CORRELATION_METHOD);
    return Arrays.stream(CorrelationMethod.values())
        .filter(m -> m.label().equalsIgnoreCase(label.trim()))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unknown correlation method '"
                        + label
                        + "' in --"
                        + AnalyticsOptions.REGIME_CORRELATION_METHOD.key()
                        + "; expected one of pearson, spearman, kendall"));
  }

  public static void main(String[] args) throws Exception {
    JobRunner.run(new AnalyticsJob(), args);
  }
}
