package org.marketflow.jobs.ohlc;

import java.time.Duration;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.jdbc.core.datastream.sink.JdbcSink;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.Preconditions;
import org.marketflow.jobs.common.functions.RouteDeadLetters;
import org.marketflow.jobs.common.jdbc.JdbcUpsertSink;
import org.marketflow.jobs.common.kafka.KafkaInput;
import org.marketflow.jobs.common.kafka.TopicSink;
import org.marketflow.jobs.common.options.JobOptions;
import org.marketflow.jobs.common.records.Consumed;
import org.marketflow.jobs.common.redis.RedisSink;
import org.marketflow.jobs.ohlc.functions.FinalMinuteBars;
import org.marketflow.jobs.ohlc.functions.MarketStatisticsProcessor;
import org.marketflow.jobs.ohlc.functions.NoLiquidity;
import org.marketflow.jobs.ohlc.functions.StatisticsInstrument;
import org.marketflow.jobs.ohlc.sinks.MarketStatisticsStatement;
import org.marketflow.jobs.ohlc.sinks.StatisticsInRedis;
import org.marketflow.schemas.avro.DeadLetter;
import org.marketflow.schemas.avro.LiquidityMetrics;
import org.marketflow.schemas.avro.MarketStatistics;
import org.marketflow.schemas.avro.OhlcBar;
import org.marketflow.schemas.db.Tables;
import org.marketflow.schemas.kafka.TopicSpec;

/**
 * The market statistics of {@link OhlcJob}: each instrument's rolling 1h, 24h, 7d and 30d
 * statistics, every minute, from its final 1-minute bars, with the microstructure job's liquidity
 * when the job reads it (docs/jobs/ohlc.md, "Market statistics"). {@link #compute} adds the
 * computation to the bars; {@link #liquidityInput} is the optional Kafka source; {@link #addSinks}
 * adds the topic, the two tables and Redis.
 */
public final class StatisticsStage {

  // Operator UIDs: fixed once a savepoint exists.
  public static final String FINAL_BARS_UID = "ohlc-statistics-final-bars";
  public static final String LIQUIDITY_SOURCE_UID = "ohlc-liquidity-source";
  public static final String LIQUIDITY_ROUTE_UID = "ohlc-statistics-route-liquidity";
  public static final String NO_LIQUIDITY_UID = "ohlc-statistics-no-liquidity";
  public static final String STATISTICS_UID = "ohlc-statistics";
  public static final String KAFKA_UID = "ohlc-statistics-kafka-sink";
  public static final String JDBC_UID = "ohlc-statistics-jdbc-sink";
  public static final String LATEST_JDBC_UID = "ohlc-statistics-latest-jdbc-sink";
  public static final String REDIS_UID = "ohlc-statistics-redis-sink";

  private StatisticsStage() {}

  /**
   * What {@link #compute} needs.
   *
   * @param allowedLateness the bars' ({@code ohlc.allowed-lateness}): a period ending at T is
   *     emitted when the watermark reaches T − 1 ms + it
   * @param liquidityStaleness how long before a period's end a liquidity value's minute may have
   *     ended ({@code statistics.liquidity-staleness})
   * @param minReturns the returns a volatility needs, at least 2 ({@code statistics.min-returns})
   */
  public record Settings(Duration allowedLateness, Duration liquidityStaleness, int minReturns) {

    public Settings {
      Preconditions.checkArgument(
          !allowedLateness.isNegative(), "negative allowed lateness: %s", allowedLateness);
      Preconditions.checkArgument(
          !liquidityStaleness.isNegative(),
          "--%s must not be negative: %s",
          OhlcOptions.LIQUIDITY_STALENESS.key(),
          liquidityStaleness);
      Preconditions.checkArgument(
          minReturns >= 2,
          "--%s must be at least 2 (a sample standard deviation), not %s",
          OhlcOptions.MIN_RETURNS.key(),
          minReturns);
    }

    /** The settings {@code config} gives. */
    public static Settings from(Configuration config) {
      return new Settings(
          config.get(OhlcOptions.ALLOWED_LATENESS),
          config.get(OhlcOptions.LIQUIDITY_STALENESS),
          config.get(OhlcOptions.MIN_RETURNS));
    }

    /** The default settings with bars of this allowed lateness. */
    public static Settings defaults(Duration allowedLateness) {
      return new Settings(
          allowedLateness,
          OhlcOptions.LIQUIDITY_STALENESS.defaultValue(),
          OhlcOptions.MIN_RETURNS.defaultValue());
    }
  }

  /**
   * What {@link #compute} produces.
   *
   * @param deadLetters those of liquidity records the source could not read
   */
  public record Outputs(
      DataStream<MarketStatistics> statistics, DataStream<DeadLetter> deadLetters) {}

  /**
   * The statistics of every instrument of {@code bars} (every revision of every interval: the final
   * 1-minute ones are taken), joined in event time with {@code liquidity} by instrument.
   *
   * @param bars with event-time watermarks, as {@link OhlcJob#compute} emits them
   * @param liquidity the liquidity topic as read, with event-time watermarks; {@code null} for no
   *     liquidity (the statistics' {@code liquidityUsd} is null)
   */
  public static Outputs compute(
      DataStream<OhlcBar> bars,
      DataStream<Consumed<LiquidityMetrics>> liquidity,
      Settings settings) {
    // At the bars' parallelism, chained to them: an instrument's bars stay in the order the bars'
    // operator emitted them, which the statistics need (a rebalance would mix them up).
    SingleOutputStreamOperator<OhlcBar> finalBars =
        bars.filter(new FinalMinuteBars())
            .setParallelism(bars.getParallelism())
            .uid(FINAL_BARS_UID)
            .name("Final 1m bars");
    TypeInformation<Consumed<LiquidityMetrics>> liquidityType =
        Consumed.typeInfo(LiquidityMetrics.class);
    SingleOutputStreamOperator<Consumed<LiquidityMetrics>> values =
        liquidity == null
            ? finalBars
                .process(new NoLiquidity(), liquidityType)
                .setParallelism(bars.getParallelism())
                .uid(NO_LIQUIDITY_UID)
                .name("No liquidity input")
            : liquidity
                .process(new RouteDeadLetters<>(), liquidityType)
                .setParallelism(liquidity.getParallelism())
                .uid(LIQUIDITY_ROUTE_UID)
                .name("Route dead letters: liquidity");
    SingleOutputStreamOperator<MarketStatistics> statistics =
        finalBars
            .keyBy(new StatisticsInstrument.OfBar(), Types.STRING)
            .connect(values.keyBy(new StatisticsInstrument.OfLiquidity(), Types.STRING))
            .process(
                new MarketStatisticsProcessor(
                    settings.allowedLateness().toMillis(),
                    settings.liquidityStaleness().toMillis(),
                    settings.minReturns()),
                TypeInformation.of(MarketStatistics.class))
            .uid(STATISTICS_UID)
            .name("Market statistics 1h,24h,7d,30d");
    return new Outputs(statistics, values.getSideOutput(RouteDeadLetters.DEAD_LETTERS));
  }

  /**
   * The liquidity topic {@code topic.liquidity} names, read from Kafka with event-time watermarks;
   * {@code null} when the option is absent or empty.
   */
  public static DataStream<Consumed<LiquidityMetrics>> liquidityInput(
      StreamExecutionEnvironment env, Configuration config) {
    String topic = config.get(OhlcOptions.LIQUIDITY_TOPIC);
    if (topic == null || topic.isBlank()) {
      return null;
    }
    return KafkaInput.of(OhlcJob.NAME, TopicSpec.LIQUIDITY.withName(topic), config)
        .addTo(env, LIQUIDITY_SOURCE_UID, "Kafka liquidity");
  }

  /**
   * Publishes the statistics to {@code topic.statistics}; with {@code jdbc.url} upserts them into
   * {@code market_statistics} and {@code market_statistics_latest}; with {@code redis.url} sets
   * {@code market:stats:{instrument}:{period}}.
   */
  public static void addSinks(DataStream<MarketStatistics> statistics, Configuration config) {
    statistics.sinkTo(kafkaSink(config)).uid(KAFKA_UID).name("Kafka statistics");
    if (config.get(JobOptions.JDBC_URL) != null) {
      statistics
          .sinkTo(historySink(config))
          .uid(JDBC_UID)
          .name("PostgreSQL " + Tables.MARKET_STATISTICS.name());
      statistics
          .sinkTo(latestSink(config))
          .uid(LATEST_JDBC_UID)
          .name("PostgreSQL " + Tables.MARKET_STATISTICS_LATEST.name());
    }
    if (config.get(JobOptions.REDIS_URL) != null) {
      statistics.sinkTo(redisSink(config)).uid(REDIS_UID).name("Redis statistics");
    }
  }

  /** {@code topic.statistics}, with the job's delivery guarantee. */
  public static KafkaSink<MarketStatistics> kafkaSink(Configuration config) {
    return TopicSink.fromOptions(
        config,
        OhlcJob.NAME,
        "statistics",
        TopicSpec.STATISTICS.withName(config.get(OhlcOptions.STATISTICS_TOPIC)));
  }

  /** {@code market_statistics}: every row, upserted on (instrument, period, period_end). */
  public static JdbcSink<MarketStatistics> historySink(Configuration config) {
    return JdbcUpsertSink.builder(Tables.MARKET_STATISTICS, new MarketStatisticsStatement())
        .fromOptions(config)
        .buildAtLeastOnce();
  }

  /** {@code market_statistics_latest}: each instrument's and period's row of the latest end. */
  public static JdbcSink<MarketStatistics> latestSink(Configuration config) {
    return JdbcUpsertSink.builder(Tables.MARKET_STATISTICS_LATEST, new MarketStatisticsStatement())
        .guard(MarketStatisticsStatement.LATER_PERIOD_END)
        .fromOptions(config)
        .buildAtLeastOnce();
  }

  /** {@code market:stats:{instrument}:{period}}, under {@code statistics.redis-namespace}. */
  public static RedisSink<MarketStatistics> redisSink(Configuration config) {
    return RedisSink.fromOptions(
        config, new StatisticsInRedis(config.get(OhlcOptions.REDIS_NAMESPACE)));
  }
}
