package org.marketflow.jobs.microstructure;

import static org.apache.flink.configuration.ConfigOptions.key;

import java.time.Duration;
import java.util.List;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;
import org.marketflow.jobs.microstructure.metrics.MicrostructureParams;
import org.marketflow.schemas.kafka.Topics;

/**
 * The options of {@link MicrostructureJob} beside the common {@link
 * org.marketflow.jobs.common.options.JobOptions}, passed as {@code --key value} arguments to {@code
 * flink run}, e.g. {@code --microstructure.snapshot-levels 50}. The metric parameters default to
 * {@link MicrostructureParams#DEFAULTS}; docs/jobs/microstructure.md explains each.
 */
public final class MicrostructureOptions {

  private static final MicrostructureParams DEFAULTS = MicrostructureParams.DEFAULTS;

  public static final ConfigOption<String> BOOK_TOPIC =
      key("topic.book").stringType().defaultValue(Topics.BOOK).withDescription("Input topic.");

  public static final ConfigOption<String> TRADES_TOPIC =
      key("topic.trades").stringType().defaultValue(Topics.TRADES).withDescription("Input topic.");

  public static final ConfigOption<String> STATUS_TOPIC =
      key("topic.status").stringType().defaultValue(Topics.STATUS).withDescription("Input topic.");

  public static final ConfigOption<String> TICKS_TOPIC =
      key("topic.ticks").stringType().defaultValue(Topics.TICKS).withDescription("Output topic.");

  public static final ConfigOption<String> BOOK_SNAPSHOTS_TOPIC =
      key("topic.book-snapshots")
          .stringType()
          .defaultValue(Topics.BOOK_SNAPSHOTS)
          .withDescription("Output topic.");

  public static final ConfigOption<String> MICROSTRUCTURE_TOPIC =
      key("topic.microstructure")
          .stringType()
          .defaultValue(Topics.MICROSTRUCTURE)
          .withDescription("Output topic.");

  public static final ConfigOption<String> LIQUIDITY_TOPIC =
      key("topic.liquidity")
          .stringType()
          .defaultValue(Topics.LIQUIDITY)
          .withDescription("Output topic.");

  public static final ConfigOption<String> PREDICTION_PAIRS_TOPIC =
      key("topic.prediction-pairs")
          .stringType()
          .defaultValue(Topics.PREDICTION_PAIRS)
          .withDescription("Output topic.");

  public static final ConfigOption<String> BOOK_STATUS_TOPIC =
      key("topic.book-status")
          .stringType()
          .defaultValue(Topics.BOOK_STATUS)
          .withDescription("Output topic.");

  public static final ConfigOption<Integer> SNAPSHOT_LEVELS =
      key("microstructure.snapshot-levels")
          .intType()
          .defaultValue(20)
          .withDescription("N: levels a side in each published order-book snapshot, 1-50.");

  public static final ConfigOption<Duration> SNAPSHOT_INTERVAL =
      key("microstructure.snapshot-interval")
          .durationType()
          .defaultValue(Duration.ofSeconds(1))
          .withDescription(
              "X: an instrument's book is published at the end of each interval of this length"
                  + " (aligned to the epoch) in which it changed, and after every resync.");

  public static final ConfigOption<Duration> IDLE_TIMEOUT =
      key("microstructure.idle-timeout")
          .durationType()
          .defaultValue(Duration.ofDays(1))
          .withDescription(
              "An instrument with no event for this long (event time) is dropped with all its"
                  + " state; at least 2 minutes.");

  public static final ConfigOption<Duration> TICKS_TABLE_INTERVAL =
      key("microstructure.ticks-table-interval")
          .durationType()
          .defaultValue(Duration.ZERO)
          .withDescription(
              "Sampling of the market_ticks table: at most one tick per instrument in each interval"
                  + " of this length (event time, aligned to the epoch), its first; 0 writes every"
                  + " tick. The ticks topic and Redis get every tick.");

  public static final ConfigOption<String> REDIS_NAMESPACE =
      key("microstructure.redis-namespace")
          .stringType()
          .defaultValue("")
          .withDescription(
              "Prepended to every Redis key and channel the job writes (market:tick:..., ...);"
                  + " empty in production, a test's own prefix on a shared server.");

  public static final ConfigOption<Double> DEPTH_BAND_BPS =
      key("microstructure.depth-band-bps")
          .doubleType()
          .defaultValue(DEFAULTS.depthBandBps())
          .withDescription("Depth is counted within this many bps of the mid.");

  public static final ConfigOption<Double> LIQUIDITY_BAND_BPS =
      key("microstructure.liquidity-band-bps")
          .doubleType()
          .defaultValue(DEFAULTS.liquidityBandBps())
          .withDescription("Liquidity in USD is counted within this many bps of the mid.");

  public static final ConfigOption<Integer> TOP_LEVELS =
      key("microstructure.top-levels")
          .intType()
          .defaultValue(DEFAULTS.topLevels())
          .withDescription("K: levels a side for top-K depth and sweeps.");

  public static final ConfigOption<Double> IMPACT_NOTIONAL =
      key("microstructure.impact-notional")
          .doubleType()
          .defaultValue(DEFAULTS.impactNotional())
          .withDescription("The price impact's standard order, quote units.");

  public static final ConfigOption<Duration> REALIZED_HORIZON =
      key("microstructure.realized-horizon")
          .durationType()
          .defaultValue(DEFAULTS.realizedHorizon())
          .withDescription("The realized spread's horizon.");

  public static final ConfigOption<Integer> MAX_PENDING_TRADES =
      key("microstructure.max-pending-trades")
          .intType()
          .defaultValue(DEFAULTS.maxPendingTrades())
          .withDescription("Most trades waiting for their realized-spread horizon.");

  public static final ConfigOption<Integer> LIQUIDITY_HISTORY =
      key("microstructure.liquidity-history")
          .intType()
          .defaultValue(DEFAULTS.liquidityHistory())
          .withDescription("Per-minute samples the liquidity score ranks against.");

  public static final ConfigOption<Integer> LIQUIDITY_MIN_HISTORY =
      key("microstructure.liquidity-min-history")
          .intType()
          .defaultValue(DEFAULTS.liquidityMinHistory())
          .withDescription("Samples before a liquidity score is given.");

  public static final ConfigOption<Integer> DEPTH_MEDIAN_SECONDS =
      key("microstructure.depth-median-seconds")
          .intType()
          .defaultValue(DEFAULTS.depthMedianSeconds())
          .withDescription("Seconds of top-K depth whose median is the normal depth.");

  public static final ConfigOption<Integer> SWEEP_MIN_SECONDS =
      key("microstructure.sweep-min-seconds")
          .intType()
          .defaultValue(DEFAULTS.sweepMinSeconds())
          .withDescription("Seconds of depth before a sweep can be seen.");

  public static final ConfigOption<Double> SWEEP_FRACTION =
      key("microstructure.sweep-fraction")
          .doubleType()
          .defaultValue(DEFAULTS.sweepFraction())
          .withDescription("A sweep is top-K depth below this fraction of its median.");

  public static final ConfigOption<Duration> REFERENCE_HALF_LIFE =
      key("microstructure.reference-half-life")
          .durationType()
          .defaultValue(DEFAULTS.referenceHalfLife())
          .withDescription("The recovery half-life that scores 50.");

  public static final ConfigOption<Duration> MAX_RECOVERY =
      key("microstructure.max-recovery")
          .durationType()
          .defaultValue(DEFAULTS.maxRecovery())
          .withDescription("A sweep not half recovered by then scores 0.");

  public static final ConfigOption<Duration> RESILIENCE_WINDOW =
      key("microstructure.resilience-window")
          .durationType()
          .defaultValue(DEFAULTS.resilienceWindow())
          .withDescription("Sweeps that ended longer ago leave the resilience score.");

  public static final ConfigOption<Integer> RESILIENCE_SWEEPS =
      key("microstructure.resilience-sweeps")
          .intType()
          .defaultValue(DEFAULTS.resilienceSweeps())
          .withDescription("Most sweeps remembered for the resilience score.");

  public static final ConfigOption<Double> VPIN_BUCKET_VOLUME =
      key("microstructure.vpin-bucket-volume")
          .doubleType()
          .defaultValue(DEFAULTS.vpinBucketVolume())
          .withDescription("VPIN bucket size, base units; 0 calibrates it on the first trades.");

  public static final ConfigOption<Integer> VPIN_BUCKETS =
      key("microstructure.vpin-buckets")
          .intType()
          .defaultValue(DEFAULTS.vpinBuckets())
          .withDescription("Buckets VPIN is over.");

  public static final ConfigOption<Duration> VPIN_CALIBRATION =
      key("microstructure.vpin-calibration")
          .durationType()
          .defaultValue(DEFAULTS.vpinCalibration())
          .withDescription("How long the VPIN bucket size is calibrated on; at least 1 minute.");

  public static final ConfigOption<Double> VPIN_BUCKETS_PER_MINUTE =
      key("microstructure.vpin-buckets-per-minute")
          .doubleType()
          .defaultValue(DEFAULTS.vpinBucketsPerMinute())
          .withDescription("Buckets a minute of average volume, when calibrating.");

  public static final List<ConfigOption<?>> ALL =
      List.of(
          BOOK_TOPIC,
          TRADES_TOPIC,
          STATUS_TOPIC,
          TICKS_TOPIC,
          BOOK_SNAPSHOTS_TOPIC,
          MICROSTRUCTURE_TOPIC,
          LIQUIDITY_TOPIC,
          PREDICTION_PAIRS_TOPIC,
          BOOK_STATUS_TOPIC,
          SNAPSHOT_LEVELS,
          SNAPSHOT_INTERVAL,
          IDLE_TIMEOUT,
          TICKS_TABLE_INTERVAL,
          REDIS_NAMESPACE,
          DEPTH_BAND_BPS,
          LIQUIDITY_BAND_BPS,
          TOP_LEVELS,
          IMPACT_NOTIONAL,
          REALIZED_HORIZON,
          MAX_PENDING_TRADES,
          LIQUIDITY_HISTORY,
          LIQUIDITY_MIN_HISTORY,
          DEPTH_MEDIAN_SECONDS,
          SWEEP_MIN_SECONDS,
          SWEEP_FRACTION,
          REFERENCE_HALF_LIFE,
          MAX_RECOVERY,
          RESILIENCE_WINDOW,
          RESILIENCE_SWEEPS,
          VPIN_BUCKET_VOLUME,
          VPIN_BUCKETS,
          VPIN_CALIBRATION,
          VPIN_BUCKETS_PER_MINUTE);

  private MicrostructureOptions() {}

  /**
   * The metric parameters {@code config} gives.
   *
   * @throws IllegalArgumentException naming the first parameter out of its range
   */
  public static MicrostructureParams params(Configuration config) {
    return MicrostructureParams.builder()
        .depthBandBps(config.get(DEPTH_BAND_BPS))
        .liquidityBandBps(config.get(LIQUIDITY_BAND_BPS))
        .topLevels(config.get(TOP_LEVELS))
        .impactNotional(config.get(IMPACT_NOTIONAL))
        .realizedHorizon(config.get(REALIZED_HORIZON))
        .maxPendingTrades(config.get(MAX_PENDING_TRADES))
        .liquidityHistory(config.get(LIQUIDITY_HISTORY))
        .liquidityMinHistory(config.get(LIQUIDITY_MIN_HISTORY))
        .depthMedianSeconds(config.get(DEPTH_MEDIAN_SECONDS))
        .sweepMinSeconds(config.get(SWEEP_MIN_SECONDS))
        .sweepFraction(config.get(SWEEP_FRACTION))
        .referenceHalfLife(config.get(REFERENCE_HALF_LIFE))
        .maxRecovery(config.get(MAX_RECOVERY))
        .resilienceWindow(config.get(RESILIENCE_WINDOW))
        .resilienceSweeps(config.get(RESILIENCE_SWEEPS))
        .vpinBucketVolume(config.get(VPIN_BUCKET_VOLUME))
        .vpinBuckets(config.get(VPIN_BUCKETS))
        .vpinCalibration(config.get(VPIN_CALIBRATION))
        .vpinBucketsPerMinute(config.get(VPIN_BUCKETS_PER_MINUTE))
        .build();
  }
}
