package org.marketflow.api.marketdata.statistics;

import org.marketflow.api.common.MarketSelection;

/**
 * A validated statistics request: the market and one of {@code 1h}, {@code 24h}, {@code 7d}, {@code
 * 30d}.
 */
public record StatisticsQuery(MarketSelection market, String period) {

  /** The query in a fixed form, for the cache key. */
  public String cacheKey() {
    return market.cacheKey() + "|" + period;
  }
}
