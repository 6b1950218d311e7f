package org.marketflow.jobs.ohlc;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.marketflow.jobs.common.JobRunner;
import org.marketflow.jobs.common.StreamingJob;
import org.marketflow.jobs.common.functions.RejectConsumed;
import org.marketflow.jobs.common.functions.RouteDeadLetters;
import org.marketflow.jobs.common.jdbc.JdbcUpsertSink;
import org.marketflow.jobs.common.kafka.KafkaInput;
import org.marketflow.jobs.common.kafka.TopicSink;
import org.marketflow.jobs.common.options.JobOptions;
import org.marketflow.jobs.common.records.Consumed;
import org.marketflow.jobs.common.validation.TradeCheck;
import org.marketflow.jobs.ohlc.functions.BarsProcessor;
import org.marketflow.jobs.ohlc.functions.ConsumedTrade;
import org.marketflow.jobs.ohlc.functions.PartialBars;
import org.marketflow.jobs.ohlc.records.PartialBar;
import org.marketflow.jobs.ohlc.sinks.OhlcBarStatement;
import org.marketflow.jobs.ohlc.sinks.TradeArchiveSink;
import org.marketflow.schemas.avro.DeadLetter;
import org.marketflow.schemas.avro.LiquidityMetrics;
import org.marketflow.schemas.avro.MarketStatistics;
import org.marketflow.schemas.avro.OhlcBar;
import org.marketflow.schemas.avro.Trade;
import org.marketflow.schemas.bars.BarInterval;
import org.marketflow.schemas.db.Tables;
import org.marketflow.schemas.kafka.DeadLetters;
import org.marketflow.schemas.kafka.TopicSpec;

/**
 * Event-time OHLC bars per instrument from the normalized trades topic, upserted into PostgreSQL
 * {@code ohlc_bars} and published to the bars topic, and the market statistics made of them ({@link
 * StatisticsStage}). {@link #compute} is the computation; {@link #wire} adds the Kafka sources and
 * the sinks; {@link #main} reads the options and runs it.
 */
public final class OhlcJob implements StreamingJob {

  public static final String NAME = "jobs-ohlc";

  /** The schema version that created the market statistics tables. */
  public static final int SCHEMA_VERSION = 4;

  // Operator UIDs: fixed once a savepoint exists.
  public static final String SOURCE_UID = "ohlc-trades-source";
  public static final String ROUTE_UID = "ohlc-route-dead-letters";
  public static final String BARS_JDBC_UID = "ohlc-bars-jdbc-sink";
  public static final String BARS_KAFKA_UID = "ohlc-bars-kafka-sink";
  public static final String DEAD_LETTERS_UID = "ohlc-dead-letters-sink";
  public static final String PARTIAL_BARS_UID = "ohlc-partial-bars";
  public static final String BARS_UID = "ohlc-bars";
  public static final String LATE_UID = "ohlc-late-trades";
  public static final String DUPLICATES_UID = "ohlc-duplicate-trades";
  public static final String VALID_TRADES_UID = "ohlc-valid-trades";

  static final String LATE_STAGE = NAME + ".late";
  static final String DUPLICATE_STAGE = NAME + ".duplicate";

  /**
   * What {@link #compute} produces.
   *
   * @param trades every valid trade, for the trade archive
   */
  public record Outputs(
      DataStream<OhlcBar> bars,
      DataStream<DeadLetter> deadLetters,
      DataStream<MarketStatistics> statistics,
      DataStream<Trade> trades) {}

  /**
   * What {@link #compute} needs besides its input.
   *
   * @param trades the topic the trades were read from, named in late trades' dead letters
   * @param statistics the market statistics' ({@link StatisticsStage})
   */
  public record Settings(
      List<BarInterval> intervals,
      Duration allowedLateness,
      TopicSpec<Trade> trades,
      DeadLetters deadLetters,
      StatisticsStage.Settings statistics) {

    /** With the statistics' default settings. */
    public Settings(
        List<BarInterval> intervals,
        Duration allowedLateness,
        TopicSpec<Trade> trades,
        DeadLetters deadLetters) {
      this(
          intervals,
          allowedLateness,
          trades,
          deadLetters,
          StatisticsStage.Settings.defaults(allowedLateness));
    }

    /** The settings {@code config} gives. */
    public static Settings from(Configuration config) {
      return new Settings(
          OhlcJob.intervals(config),
          config.get(OhlcOptions.ALLOWED_LATENESS),
          tradesTopic(config),
          KafkaInput.deadLetters(config),
          StatisticsStage.Settings.from(config));
    }
  }

  private final UnaryOperator<DataStream<Consumed<Trade>>> tradesTap;

  public OhlcJob() {
    this(UnaryOperator.identity());
  }

  /**
   * A test seam: {@code tradesTap} gets the trades source's stream before the computation and
   * returns the stream to compute on (a test injects a failure there).
   */
  OhlcJob(UnaryOperator<DataStream<Consumed<Trade>>> tradesTap) {
    this.tradesTap = tradesTap;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<ConfigOption<?>> options() {
    return OhlcOptions.ALL;
  }

  @Override
  public int requiredSchemaVersion() {
    return SCHEMA_VERSION;
  }

  /**
   * Routes rejected records to the dead letters, folds trades into partial bars of the smallest
   * interval before the shuffle ({@link PartialBars}) and those into the bars of every interval in
   * one keyed pass ({@link BarsProcessor}). The input must carry event-time timestamps and
   * watermarks; trades beyond the allowed lateness and repeated trades become dead letters. The
   * final 1-minute bars make the market statistics ({@link StatisticsStage}), without liquidity.
   */
  public static Outputs compute(DataStream<Consumed<Trade>> input, Settings settings) {
    return compute(input, null, settings);
  }

  /**
   * {@link #compute(DataStream, Settings)}, with the statistics' liquidity from {@code liquidity}
   * ({@code null} for none), whose unreadable records become dead letters too.
   */
  public static Outputs compute(
      DataStream<Consumed<Trade>> input,
      DataStream<Consumed<LiquidityMetrics>> liquidity,
      Settings settings) {
    SingleOutputStreamOperator<Consumed<Trade>> trades =
        input
            .process(new RouteDeadLetters<>(), input.getType())
            .uid(ROUTE_UID)
            .name("Route dead letters");
    BarsProcessor processor =
        new BarsProcessor(settings.intervals(), settings.allowedLateness().toMillis());
    SingleOutputStreamOperator<PartialBar> partials =
        trades
            .transform(
                "Partial bars " + processor.smallestInterval().code(),
                PartialBar.TYPE,
                new PartialBars(
                    processor.smallestIntervalMs(), settings.allowedLateness().toMillis()))
            .uid(PARTIAL_BARS_UID);
    SingleOutputStreamOperator<OhlcBar> bars =
        partials
            .keyBy(partial -> partial.instrument, Types.STRING)
            .process(processor, TypeInformation.of(OhlcBar.class))
            .uid(BARS_UID)
            .name("OHLC bars " + codes(settings.intervals()));
    DataStream<DeadLetter> late =
        partials
            .getSideOutput(PartialBars.LATE)
            .map(
                new RejectConsumed<>(
                    settings.trades(),
                    LATE_STAGE,
                    "trade later than the allowed lateness of "
                        + settings.allowedLateness().toMillis()
                        + " ms for its "
                        + processor.smallestInterval().code()
                        + " bar",
                    "lateTrades",
                    settings.deadLetters()))
            .uid(LATE_UID)
            .name("Late trades");
    DataStream<DeadLetter> duplicates =
        partials
            .getSideOutput(PartialBars.DUPLICATES)
            .map(
                new RejectConsumed<>(
                    settings.trades(),
                    DUPLICATE_STAGE,
                    "a trade with the same instrument and trade id is already in its bar",
                    "duplicateTrades",
                    settings.deadLetters()))
            .uid(DUPLICATES_UID)
            .name("Duplicate trades");
    StatisticsStage.Outputs statistics =
        StatisticsStage.compute(bars, liquidity, settings.statistics());
    DataStream<DeadLetter> deadLetters =
        trades
            .getSideOutput(RouteDeadLetters.DEAD_LETTERS)
            .union(late, duplicates, statistics.deadLetters());
    DataStream<Trade> valid =
        trades
            .map(new ConsumedTrade(), TypeInformation.of(Trade.class))
            .uid(VALID_TRADES_UID)
            .name("Valid trades");
    return new Outputs(bars, deadLetters, statistics.statistics(), valid);
  }

  private static String codes(List<BarInterval> intervals) {
    return String.join(",", intervals.stream().map(BarInterval::code).toList());
  }

  /** Adds the Kafka source, the computation and the sinks to {@code env}. */
  @Override
  public void wire(StreamExecutionEnvironment env, Configuration config) {
    KafkaInput<Trade> trades =
        KafkaInput.of(NAME, tradesTopic(config), config).withCheck(new TradeCheck());
    Outputs outputs =
        compute(
            tradesTap.apply(trades.addTo(env, SOURCE_UID, "Kafka trades")),
            StatisticsStage.liquidityInput(env, config),
            Settings.from(config));

    if (config.get(JobOptions.JDBC_URL) != null) {
      outputs
          .bars()
          .sinkTo(
              JdbcUpsertSink.builder(Tables.OHLC_BARS, new OhlcBarStatement())
                  .guard(OhlcBarStatement.NEWER_REVISION)
                  .fromOptions(config)
                  .buildAtLeastOnce())
          .uid(BARS_JDBC_UID)
          .name("PostgreSQL ohlc_bars");
    }
    outputs
        .bars()
        .sinkTo(
            TopicSink.fromOptions(
                config, NAME, "bars", TopicSpec.BARS.withName(config.get(OhlcOptions.BARS_TOPIC))))
        .uid(BARS_KAFKA_UID)
        .name("Kafka bars");
    if (config.get(JobOptions.JDBC_URL) != null && config.get(OhlcOptions.ARCHIVE_TRADES)) {
      TradeArchiveSink.addTo(outputs.trades(), config);
    }
    StatisticsStage.addSinks(outputs.statistics(), config);
    outputs
        .deadLetters()
        .sinkTo(TopicSink.deadLetters(config, NAME))
        .uid(DEAD_LETTERS_UID)
        .name("Kafka dead letters");
  }

  static TopicSpec<Trade> tradesTopic(Configuration config) {
    return TopicSpec.TRADES.withName(config.get(OhlcOptions.TRADES_TOPIC));
  }

  /** The intervals named by {@code ohlc.intervals}, with a precise message for an unknown one. */
  public static List<BarInterval> intervals(Configuration config) {
    List<BarInterval> intervals = new ArrayList<>();
    List<String> codes = new ArrayList<>();
    for (String entry : config.get(OhlcOptions.INTERVALS)) {
      // Flink separates a list option's values with ';'; the command line says 1m,5m.
      for (String code : entry.split(",")) {
        if (!code.isBlank()) {
          codes.add(code);
        }
      }
    }
    for (String code : codes) {
      intervals.add(
          BarInterval.fromCode(code.trim())
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "unknown interval '"
                              + code
                              + "' in --ohlc.intervals; expected some of "
                              + BarInterval.codes())));
    }
    if (intervals.isEmpty()) {
      throw new IllegalArgumentException("--ohlc.intervals names no interval");
    }
    return intervals;
  }

  public static void main(String[] args) throws Exception {
    JobRunner.run(new OhlcJob(), args);
  }
}
