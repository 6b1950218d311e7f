package org.marketflow.jobs.microstructure.metrics;

import org.marketflow.jobs.microstructure.book.L2Book;

/**
 * A prediction-market outcome's YES and NO books read together. Prices are probabilities (0.01 to
 * 0.99 on the Pariflow engine) and one YES plus one NO share pays exactly 1 at resolution. A field
 * is {@code null} where a best price it needs is missing.
 *
 * @param impliedFromYes the implied probability of YES from the YES book: its mid
 * @param impliedFromNo the implied probability of YES from the NO book: 1 − its mid
 * @param overround YES ask + NO ask − 1: the book's margin over a fair 1 (negative: buying both
 *     pays)
 * @param buyBothGap max(0, 1 − YES ask − NO ask): the profit per pair of buying both at the asks
 * @param sellBothGap max(0, YES bid + NO bid − 1): the profit per pair of selling both at the bids
 */
public record PredictionPair(
    Double impliedFromYes,
    Double impliedFromNo,
    Double overround,
    Double buyBothGap,
    Double sellBothGap) {

  /** The pair read from the two books' best prices. */
  public static PredictionPair of(L2Book yes, L2Book no) {
    return of(yes.bestBid(), yes.bestAsk(), no.bestBid(), no.bestAsk());
  }

  /** The pair read from the two books' best prices, {@code NaN} where a side is empty. */
  public static PredictionPair of(double yesBid, double yesAsk, double noBid, double noAsk) {
    return new PredictionPair(
        Values.orNull(Spreads.mid(yesBid, yesAsk)),
        Values.orNull(impliedFromNo(noBid, noAsk)),
        Values.orNull(overround(yesAsk, noAsk)),
        Values.orNull(buyBothGap(yesAsk, noAsk)),
        Values.orNull(sellBothGap(yesBid, noBid)));
  }

  /** 1 − the NO book's mid; {@code NaN} when it has none. */
  public static double impliedFromNo(double noBid, double noAsk) {
    return 1.0 - Spreads.mid(noBid, noAsk);
  }

  /** YES ask + NO ask − 1. */
  public static double overround(double yesAsk, double noAsk) {
    return yesAsk + noAsk - 1.0;
  }

  /** max(0, 1 − YES ask − NO ask). */
  public static double buyBothGap(double yesAsk, double noAsk) {
    double gap = 1.0 - yesAsk - noAsk;
    return Double.isNaN(gap) ? gap : Math.max(0.0, gap);
  }

  /** max(0, YES bid + NO bid − 1). */
  public static double sellBothGap(double yesBid, double noBid) {
    double gap = yesBid + noBid - 1.0;
    return Double.isNaN(gap) ? gap : Math.max(0.0, gap);
  }
}
