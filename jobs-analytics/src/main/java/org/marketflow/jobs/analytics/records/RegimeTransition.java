package org.marketflow.jobs.analytics.records;

/**
 * One instrument left regime {@code from} for {@code to} after {@code durationMs}. A Flink POJO.
 */
public class RegimeTransition {
  public String instrument;
  public String from;
  public String to;
  public long atMs;
  public long durationMs;

  /** What changed: volatility_spike, volatility_drop, trend_start, trend_end. */
  public String[] triggers;

  public RegimeTransition() {}
}
