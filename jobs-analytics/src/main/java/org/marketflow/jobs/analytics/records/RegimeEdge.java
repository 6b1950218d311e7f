package org.marketflow.jobs.analytics.records;

/**
 * The transitions observed from one regime to another, over every instrument: how many, their share
 * of all transitions out of {@code from}, the mean time spent in {@code from} before them, and what
 * triggered them. A Flink POJO.
 */
public class RegimeEdge {
  public String from;
  public String to;
  public long count;

  /** Transitions out of {@code from} to any regime. */
  public long fromTotal;

  public double probability;
  public double avgDurationHours;
  public String[] triggerConditions;

  public RegimeEdge() {}
}
