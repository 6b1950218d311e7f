package org.marketflow.jobs.microstructure.book;

/** A side of an order book: the bids (buyers' resting orders) or the asks (sellers'). */
public enum BookSide {
  BID,
  ASK;

  /** The other side. */
  public BookSide opposite() {
    return this == BID ? ASK : BID;
  }
}
