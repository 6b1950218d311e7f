package org.marketflow.jobs.analytics.state;

/** An instrument's current regime and since when (epoch ms). A POJO. */
public class RegimeSpell {
  public String regime;
  public long sinceMs;

  public RegimeSpell() {}
}
