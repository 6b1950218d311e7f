package org.marketflow.jobs.microstructure.metrics;

import static org.marketflow.jobs.microstructure.metrics.Values.orNull;

import org.marketflow.jobs.microstructure.book.BookSide;
import org.marketflow.jobs.microstructure.book.L2Book;

/**
 * One interval's microstructure of an instrument (the Markets page's {@code MarketMicrostructure}),
 * read from the book at the interval's end and from the interval's trades and updates. {@code null}
 * where undefined: docs/jobs/microstructure.md gives each case.
 *
 * @param mid (best bid + best ask) / 2
 * @param quotedSpreadBps (ask − bid) / mid × 10⁴
 * @param effectiveSpreadBps the interval's trades' volume-weighted 2 |p − m| / m × 10⁴
 * @param realizedSpreadBps the volume-weighted realized spread of the trades whose horizon ended in
 *     the interval
 * @param depthBid bid base units within ±depthBandBps of the mid
 * @param depthAsk ask base units within ±depthBandBps of the mid
 * @param depthBidNotional bid quote notional within the band
 * @param depthAskNotional ask quote notional within the band
 * @param topDepthBid bid base units in the best topLevels levels
 * @param topDepthAsk ask base units in the best topLevels levels
 * @param imbalance (top-K bid − top-K ask) / (sum), base units, −1 to +1
 * @param microprice (ask · bid size + bid · ask size) / (bid size + ask size) at the best level
 * @param tickFrequency the interval's count (the job passes its ticks) a second
 * @param buyImpactBps the VWAP of buying impactNotional against the asks, vs the mid
 * @param sellImpactBps the same for selling against the bids
 * @param priceImpactBps the mean of the two, when both sides can fill
 * @param buyFilledFraction how much of the notional the asks could fill, 0 to 1
 * @param sellFilledFraction how much the bids could fill
 */
public record Microstructure(
    Double mid,
    Double quotedSpreadBps,
    Double effectiveSpreadBps,
    Double realizedSpreadBps,
    Double depthBid,
    Double depthAsk,
    Double depthBidNotional,
    Double depthAskNotional,
    double topDepthBid,
    double topDepthAsk,
    Double imbalance,
    Double microprice,
    double tickFrequency,
    Double buyImpactBps,
    Double sellImpactBps,
    Double priceImpactBps,
    double buyFilledFraction,
    double sellFilledFraction) {

  /**
   * The interval's microstructure. Reads {@code effective} and {@code realized} without resetting
   * them; the caller starts their next interval after it.
   *
   * @param book the book at the interval's end
   * @param params the bands, K and the impact notional
   * @param effective the interval's effective spread
   * @param realized the realized spread resolved in the interval
   * @param events what the tick frequency counts in the interval: the job passes the ticks it
   *     emitted
   * @param intervalUs the interval's length, microseconds
   */
  public static Microstructure of(
      L2Book book,
      MicrostructureParams params,
      EffectiveSpread effective,
      RealizedSpread realized,
      long events,
      long intervalUs) {
    double band = params.depthBandBps();
    int levels = params.topLevels();
    PriceImpact.Walk buy = PriceImpact.buy(book, params.impactNotional());
    PriceImpact.Walk sell = PriceImpact.sell(book, params.impactNotional());
    return new Microstructure(
        orNull(Spreads.mid(book)),
        orNull(Spreads.quotedBps(book)),
        orNull(effective.bps()),
        orNull(realized.bps()),
        orNull(Depth.withinBps(book, BookSide.BID, band)),
        orNull(Depth.withinBps(book, BookSide.ASK, band)),
        orNull(Depth.notionalWithinBps(book, BookSide.BID, band)),
        orNull(Depth.notionalWithinBps(book, BookSide.ASK, band)),
        Depth.topLevels(book, BookSide.BID, levels),
        Depth.topLevels(book, BookSide.ASK, levels),
        orNull(Imbalance.topLevels(book, levels)),
        orNull(Imbalance.microprice(book)),
        tickFrequency(events, intervalUs),
        orNull(buy.bps()),
        orNull(sell.bps()),
        orNull((buy.bps() + sell.bps()) / 2.0),
        buy.filledFraction(),
        sell.filledFraction());
  }

  /** Events a second: events / (intervalUs / 10⁶). */
  public static double tickFrequency(long events, long intervalUs) {
    if (intervalUs <= 0) {
      throw new IllegalArgumentException("interval " + intervalUs + " us is not > 0");
    }
    return events * 1_000_000.0 / intervalUs;
  }
}
