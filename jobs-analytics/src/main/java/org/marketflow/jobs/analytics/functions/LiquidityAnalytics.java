package org.marketflow.jobs.analytics.functions;

import java.io.Serializable;
import java.time.Duration;
import java.util.Arrays;
import org.apache.commons.math3.stat.descriptive.rank.Median;
import org.marketflow.jobs.analytics.estimators.AnomalyType;
import org.marketflow.jobs.analytics.estimators.Regimes;
import org.marketflow.jobs.analytics.records.RegimeReading;
import org.marketflow.jobs.analytics.state.InstrumentHistory;
import org.marketflow.jobs.analytics.state.LiquidityHistory;
import org.marketflow.schemas.avro.LiquidityMetrics;
import org.marketflow.schemas.avro.MarketAnomaly;

/**
 * One instrument's liquidity regime and liquidity holes after each of its liquidity values (one a
 * minute, from the microstructure job), on its {@link LiquidityHistory} (docs/jobs/analytics.md,
 * "Liquidity"). Plain Java: the keyed operator ({@link LiquidityProcessor}) keeps the history in
 * Flink state and emits what this returns.
 *
 * <ul>
 *   <li>Regime: {@link Regimes#liquidity} of the minute's total liquidity against the median of the
 *       instrument's previous {@code trailingMinutes} totals; null before {@link #MIN_TRAILING} of
 *       them. The reading holds for the regime records ending from the minute's end to {@code
 *       staleness} after it.
 *   <li>Liquidity hole: the total's robust z-score against the previous {@code anomalyTrailing}
 *       totals, counted on the low side ({@link Anomalies}).
 * </ul>
 */
public final class LiquidityAnalytics implements Serializable {

  private static final long MINUTE_MS = 60_000L;
  private static final String MINUTES = "minutes";

  /** The fewest trailing totals a liquidity regime needs: an hour's. */
  public static final int MIN_TRAILING = 60;

  private final int trailingMinutes;
  private final int anomalyTrailing;
  private final long stalenessMs;

  /** What one value produced: the regime reading, and a liquidity hole or null. */
  public record Outputs(RegimeReading reading, MarketAnomaly hole) {}

  /**
   * @param trailingMinutes the totals the regime's median is over ({@code
   *     analytics.liquidity-trailing-minutes})
   * @param anomalyTrailing the totals a liquidity hole is scored against ({@code
   *     analytics.anomaly-trailing-bars})
   * @param staleness how long after its minute's end a regime reading still holds ({@code
   *     analytics.liquidity-staleness})
   */
  public LiquidityAnalytics(int trailingMinutes, int anomalyTrailing, Duration staleness) {
    if (trailingMinutes < MIN_TRAILING) {
      throw new IllegalArgumentException(
          "the liquidity trailing minutes must be at least "
              + MIN_TRAILING
              + ": "
              + trailingMinutes);
    }
    if (anomalyTrailing < Anomalies.MIN_TRAILING || anomalyTrailing > trailingMinutes) {
      throw new IllegalArgumentException(
          "the anomaly trailing values must be from "
              + Anomalies.MIN_TRAILING
              + " to the liquidity trailing minutes ("
              + trailingMinutes
              + "): "
              + anomalyTrailing);
    }
    if (staleness.isNegative()) {
      throw new IllegalArgumentException(
          "the liquidity staleness must not be negative: " + staleness);
    }
    this.trailingMinutes = trailingMinutes;
    this.anomalyTrailing = anomalyTrailing;
    this.stalenessMs = staleness.toMillis();
  }

  /**
   * Takes the instrument's next liquidity value (with a total, later than its last one: the caller
   * checks) into {@code history} and answers what it produced.
   */
  public Outputs onValue(LiquidityHistory history, LiquidityMetrics value) {
    long startMs = Math.floorDiv(value.getBucketStartUs(), 1_000L);
    long endMs = startMs + MINUTE_MS;
    double total = value.getTotalLiquidityUsd();
    String instrument = value.getInstrument();
    double[] trailing = history.totals;
    Regimes.Liquidity regime =
        trailing.length < MIN_TRAILING
            ? null
            : Regimes.liquidity(total, new Median().evaluate(trailing));
    double[] recent =
        Arrays.copyOfRange(
            trailing, Math.max(0, trailing.length - anomalyTrailing), trailing.length);
    MarketAnomaly hole =
        Anomalies.score(instrument, endMs, AnomalyType.LIQUIDITY_HOLE, total, recent, MINUTES);
    history.totals = InstrumentHistory.append(trailing, total, trailingMinutes);
    history.lastStartMs = startMs;
    RegimeReading reading =
        new RegimeReading(
            instrument,
            RegimeReading.Kind.LIQUIDITY,
            endMs,
            endMs + stalenessMs + 1,
            regime == null ? null : regime.name());
    return new Outputs(reading, hole);
  }
}
