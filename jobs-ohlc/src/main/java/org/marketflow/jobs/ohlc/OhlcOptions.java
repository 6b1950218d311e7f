package org.marketflow.jobs.ohlc;

import static org.apache.flink.configuration.ConfigOptions.key;

import java.time.Duration;
import java.util.List;
import org.apache.flink.configuration.ConfigOption;
import org.marketflow.schemas.kafka.Topics;

/**
 * The options of {@link OhlcJob} beside the common {@link
 * org.marketflow.jobs.common.options.JobOptions}, passed as {@code --key value} arguments to {@code
 * flink run}, e.g. {@code --ohlc.intervals 1m,5m}.
 */
public final class OhlcOptions {

  public static final ConfigOption<String> TRADES_TOPIC =
      key("topic.trades").stringType().defaultValue(Topics.TRADES).withDescription("Input topic.");

  public static final ConfigOption<String> BARS_TOPIC =
      key("topic.bars").stringType().defaultValue(Topics.BARS).withDescription("Output topic.");

  public static final ConfigOption<Duration> ALLOWED_LATENESS =
      key("ohlc.allowed-lateness")
          .durationType()
          .defaultValue(Duration.ofMinutes(1))
          .withDescription(
              "A trade this late (after the watermark) still revises its bar; later ones go to"
                  + " the dead-letter topic.");

  public static final ConfigOption<List<String>> INTERVALS =
      key("ohlc.intervals")
          .stringType()
          .asList()
          .defaultValues("1s", "1m", "5m", "15m", "1h", "4h", "1d")
          .withDescription(
              "Bar intervals to compute, among 1s, 1m, 5m, 15m, 1h, 4h, 1d (all by default);"
                  + " a trade too late for the smallest one counts in none.");

  public static final ConfigOption<String> STATISTICS_TOPIC =
      key("topic.statistics")
          .stringType()
          .defaultValue(Topics.STATISTICS)
          .withDescription("Output topic of the market statistics.");

  public static final ConfigOption<String> LIQUIDITY_TOPIC =
      key("topic.liquidity")
          .stringType()
          .noDefaultValue()
          .withDescription(
              "The microstructure job's liquidity topic ("
                  + Topics.LIQUIDITY
                  + ") to read the statistics' liquidity from; none (or empty) by default: no"
                  + " liquidity in the statistics.");

  public static final ConfigOption<Duration> LIQUIDITY_STALENESS =
      key("statistics.liquidity-staleness")
          .durationType()
          .defaultValue(Duration.ofMinutes(5))
          .withDescription(
              "The statistics of a period take the latest liquidity value whose minute ended at"
                  + " most this long before the period's end; an older one leaves the liquidity"
                  + " null.");

  public static final ConfigOption<Integer> MIN_RETURNS =
      key("statistics.min-returns")
          .intType()
          .defaultValue(10)
          .withDescription(
              "The 1-minute returns a period needs for a volatility (at least 2); with fewer the"
                  + " volatility is null.");

  public static final ConfigOption<String> REDIS_NAMESPACE =
      key("statistics.redis-namespace")
          .stringType()
          .defaultValue("")
          .withDescription(
              "Prepended to every Redis key the job writes (market:stats:...); empty in"
                  + " production, a test's own prefix on a shared server.");

  public static final ConfigOption<Boolean> ARCHIVE_TRADES =
      key("ohlc.archive-trades")
          .booleanType()
          .defaultValue(true)
          .withDescription(
              "With --jdbc.url, archive every valid trade into PostgreSQL trades (the job then"
                  + " runs no faster than the archive takes rows); turn it off for a backtest over"
                  + " trades already archived.");

  public static final List<ConfigOption<?>> ALL =
      List.of(
          TRADES_TOPIC,
          ARCHIVE_TRADES,
          BARS_TOPIC,
          ALLOWED_LATENESS,
          INTERVALS,
          STATISTICS_TOPIC,
          LIQUIDITY_TOPIC,
          LIQUIDITY_STALENESS,
          MIN_RETURNS,
          REDIS_NAMESPACE);

  private OhlcOptions() {}
}
