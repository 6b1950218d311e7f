package org.marketflow.jobs.analytics.state;

/** One regime edge's tally: count, total time in the source regime, triggers seen. A POJO. */
public class EdgeTally {
  public long count;
  public long totalDurationMs;
  public String[] triggers = new String[0];

  public EdgeTally() {}
}
