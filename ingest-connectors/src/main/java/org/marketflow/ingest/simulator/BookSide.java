package org.marketflow.ingest.simulator;

/** A side of a book. A buy order takes liquidity from the asks, a sell order from the bids. */
enum BookSide {
  BIDS,
  ASKS;

  BookSide opposite() {
    return this == BIDS ? ASKS : BIDS;
  }

  /**
   * The price {@code k} ticks further from the touch than {@code touchTicks}: lower for bids,
   * higher for asks.
   */
  long away(long touchTicks, int k) {
    return this == BIDS ? touchTicks - k : touchTicks + k;
  }
}
