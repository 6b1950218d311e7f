package org.marketflow.jobs.microstructure.metrics;

import java.io.Serializable;
import java.time.Duration;

/**
 * The parameters of the microstructure and liquidity metrics, with their defaults; the job's
 * options map onto the builder. docs/jobs/microstructure.md explains each.
 *
 * @param depthBandBps depth is counted within ±this many bps of the mid (default 10)
 * @param liquidityBandBps liquidity in USD is counted within ±this many bps of the mid (default
 *     100)
 * @param topLevels K, the best levels a side for top-K depth, imbalance and sweeps (default 10)
 * @param impactNotional the standard notional of the price impact, quote units (default 10,000)
 * @param realizedHorizon Δ of the realized spread (default 5 s)
 * @param maxPendingTrades most trades waiting for their realized-spread horizon (default 10,000)
 * @param liquidityHistory trailing per-minute samples of the liquidity score (default 1,440: a day)
 * @param liquidityMinHistory fewest samples before the liquidity score is given (default 10)
 * @param depthMedianSeconds seconds of top-K depth whose median is the normal depth (default 300)
 * @param sweepMinSeconds fewest seconds of depth before a sweep can be seen (default 30)
 * @param sweepFraction a sweep is top-K depth below this fraction of its median (default 0.5)
 * @param referenceHalfLife the recovery half-life that scores 50 (default 5 s)
 * @param maxRecovery a sweep not half recovered by then scores 0 (default 60 s)
 * @param resilienceWindow sweeps that ended longer ago leave the resilience score (default 1 h)
 * @param resilienceSweeps most sweeps remembered for the resilience score (default 20)
 * @param vpinBucketVolume V in base units, or 0 to calibrate it (default 0)
 * @param vpinBuckets n, the buckets VPIN is over (default 50)
 * @param vpinCalibration how long V is calibrated on (default 10 min)
 * @param vpinBucketsPerMinute buckets a minute of average volume when calibrating (default 50)
 */
public record MicrostructureParams(
    double depthBandBps,
    double liquidityBandBps,
    int topLevels,
    double impactNotional,
    Duration realizedHorizon,
    int maxPendingTrades,
    int liquidityHistory,
    int liquidityMinHistory,
    int depthMedianSeconds,
    int sweepMinSeconds,
    double sweepFraction,
    Duration referenceHalfLife,
    Duration maxRecovery,
    Duration resilienceWindow,
    int resilienceSweeps,
    double vpinBucketVolume,
    int vpinBuckets,
    Duration vpinCalibration,
    double vpinBucketsPerMinute)
    implements Serializable {

  /** Every parameter at its default. */
  public static final MicrostructureParams DEFAULTS = builder().build();

  public static Builder builder() {
    return new Builder();
  }

  /** A new effective-spread interval. */
  public EffectiveSpread newEffectiveSpread() {
    return new EffectiveSpread();
  }

  /** A new realized spread at {@link #realizedHorizon}. */
  public RealizedSpread newRealizedSpread() {
    return new RealizedSpread(micros(realizedHorizon), maxPendingTrades);
  }

  /** A new liquidity-score history. */
  public LiquidityScore newLiquidityScore() {
    return new LiquidityScore(liquidityHistory, liquidityMinHistory);
  }

  /** A new resilience watch. */
  public Resilience newResilience() {
    return new Resilience(
        topLevels,
        depthMedianSeconds,
        sweepMinSeconds,
        sweepFraction,
        micros(referenceHalfLife),
        micros(maxRecovery),
        micros(resilienceWindow),
        resilienceSweeps);
  }

  /** A new VPIN. */
  public Vpin newVpin() {
    return new Vpin(vpinBucketVolume, vpinBuckets, micros(vpinCalibration), vpinBucketsPerMinute);
  }

  private static long micros(Duration duration) {
    return duration.toNanos() / 1_000L;
  }

  /** Starts at the defaults; {@link #build()} checks every value. */
  public static final class Builder {
    private double depthBandBps = 10.0;
    private double liquidityBandBps = 100.0;
    private int topLevels = 10;
    private double impactNotional = 10_000.0;
    private Duration realizedHorizon = Duration.ofSeconds(5);
    private int maxPendingTrades = 10_000;
    private int liquidityHistory = 1_440;
    private int liquidityMinHistory = 10;
    private int depthMedianSeconds = 300;
    private int sweepMinSeconds = 30;
    private double sweepFraction = 0.5;
    private Duration referenceHalfLife = Duration.ofSeconds(5);
    private Duration maxRecovery = Duration.ofSeconds(60);
    private Duration resilienceWindow = Duration.ofHours(1);
    private int resilienceSweeps = 20;
    private double vpinBucketVolume = 0.0;
    private int vpinBuckets = 50;
    private Duration vpinCalibration = Duration.ofMinutes(10);
    private double vpinBucketsPerMinute = 50.0;

    private Builder() {}

    public Builder depthBandBps(double value) {
      depthBandBps = value;
      return this;
    }

    public Builder liquidityBandBps(double value) {
      liquidityBandBps = value;
      return this;
    }

    public Builder topLevels(int value) {
      topLevels = value;
      return this;
    }

    public Builder impactNotional(double value) {
      impactNotional = value;
      return this;
    }

    public Builder realizedHorizon(Duration value) {
      realizedHorizon = value;
      return this;
    }

    public Builder maxPendingTrades(int value) {
      maxPendingTrades = value;
      return this;
    }

    public Builder liquidityHistory(int value) {
      liquidityHistory = value;
      return this;
    }

    public Builder liquidityMinHistory(int value) {
      liquidityMinHistory = value;
      return this;
    }

    public Builder depthMedianSeconds(int value) {
      depthMedianSeconds = value;
      return this;
    }

    public Builder sweepMinSeconds(int value) {
      sweepMinSeconds = value;
      return this;
    }

    public Builder sweepFraction(double value) {
      sweepFraction = value;
      return this;
    }

    public Builder referenceHalfLife(Duration value) {
      referenceHalfLife = value;
      return this;
    }

    public Builder maxRecovery(Duration value) {
      maxRecovery = value;
      return this;
    }

    public Builder resilienceWindow(Duration value) {
      resilienceWindow = value;
      return this;
    }

    public Builder resilienceSweeps(int value) {
      resilienceSweeps = value;
      return this;
    }

    public Builder vpinBucketVolume(double value) {
      vpinBucketVolume = value;
      return this;
    }

    public Builder vpinBuckets(int value) {
      vpinBuckets = value;
      return this;
    }

    public Builder vpinCalibration(Duration value) {
      vpinCalibration = value;
      return this;
    }

    public Builder vpinBucketsPerMinute(double value) {
      vpinBucketsPerMinute = value;
      return this;
    }

    /**
     * The parameters.
     *
     * @throws IllegalArgumentException naming the first parameter out of its range
     */
    public MicrostructureParams build() {
      positive("depthBandBps", depthBandBps);
      positive("liquidityBandBps", liquidityBandBps);
      atLeastOne("topLevels", topLevels);
      positive("impactNotional", impactNotional);
      notNegative("realizedHorizon", realizedHorizon);
      atLeastOne("maxPendingTrades", maxPendingTrades);
      atLeastOne("liquidityHistory", liquidityHistory);
      between("liquidityMinHistory", liquidityMinHistory, 1, liquidityHistory);
      atLeastOne("depthMedianSeconds", depthMedianSeconds);
      between("sweepMinSeconds", sweepMinSeconds, 1, depthMedianSeconds);
      if (!(sweepFraction > 0.0 && sweepFraction < 1.0)) {
        throw new IllegalArgumentException(
            "sweepFraction must be between 0 and 1 (exclusive), not " + sweepFraction);
      }
      positive("referenceHalfLife", referenceHalfLife);
      positive("maxRecovery", maxRecovery);
      positive("resilienceWindow", resilienceWindow);
      atLeastOne("resilienceSweeps", resilienceSweeps);
      if (!(vpinBucketVolume >= 0.0) || Double.isInfinite(vpinBucketVolume)) {
        throw new IllegalArgumentException(
            "vpinBucketVolume must be 0 (calibrate) or a positive number, not " + vpinBucketVolume);
      }
      atLeastOne("vpinBuckets", vpinBuckets);
      if (vpinCalibration == null || vpinCalibration.compareTo(Duration.ofMinutes(1)) < 0) {
        throw new IllegalArgumentException(
            "vpinCalibration must be at least 1 minute, not " + vpinCalibration);
      }
      positive("vpinBucketsPerMinute", vpinBucketsPerMinute);
      return new MicrostructureParams(
          depthBandBps,
          liquidityBandBps,
          topLevels,
          impactNotional,
          realizedHorizon,
          maxPendingTrades,
          liquidityHistory,
          liquidityMinHistory,
          depthMedianSeconds,
          sweepMinSeconds,
          sweepFraction,
          referenceHalfLife,
          maxRecovery,
          resilienceWindow,
          resilienceSweeps,
          vpinBucketVolume,
          vpinBuckets,
          vpinCalibration,
          vpinBucketsPerMinute);
    }

    private static void positive(String name, double value) {
      if (!(value > 0.0) || Double.isInfinite(value)) {
        throw new IllegalArgumentException(name + " must be a positive number, not " + value);
      }
    }

    private static void positive(String name, Duration value) {
      if (value == null || value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException(name + " must be a positive duration, not " + value);
      }
    }

    private static void notNegative(String name, Duration value) {
      if (value == null || value.isNegative()) {
        throw new IllegalArgumentException(name + " must be a duration >= 0, not " + value);
      }
    }

    private static void atLeastOne(String name, int value) {
      if (value < 1) {
        throw new IllegalArgumentException(name + " must be at least 1, not " + value);
      }
    }

    private static void between(String name, int value, int min, int max) {
      if (value < min || value > max) {
        throw new IllegalArgumentException(
            name + " must be between " + min + " and " + max + ", not " + value);
      }
    }
  }
}
