package org.marketflow.jobs.microstructure.metrics;

import static org.marketflow.jobs.microstructure.metrics.Values.orNull;

import org.marketflow.jobs.microstructure.book.BookSide;
import org.marketflow.jobs.microstructure.book.L2Book;

/**
 * One minute's liquidity of an instrument (the Markets page's {@code LiquidityMetrics}). {@code
 * null} where undefined: docs/jobs/microstructure.md gives each case.
 *
 * @param bidLiquidityUsd quote notional of the bids within ±liquidityBandBps of the mid
 * @param askLiquidityUsd the same for the asks
 * @param totalLiquidityUsd the sum of the two
 * @param liquidityScore 0–100, the total's percentile rank in the instrument's trailing values
 * @param resilienceScore 0–100, how fast top-K depth recovered from recent sweeps
 * @param toxicityScore 0–100, 100 · VPIN
 * @param vpin 0–1
 */
public record Liquidity(
    Double bidLiquidityUsd,
    Double askLiquidityUsd,
    Double totalLiquidityUsd,
    Double liquidityScore,
    Double resilienceScore,
    Double toxicityScore,
    Double vpin) {

  /**
   * The liquidity at {@code timeUs}, from the book then. Records the total in {@code history} (so
   * call it once a sample, a minute by default); reads {@code resilience} and {@code vpin}.
   */
  public static Liquidity of(
      L2Book book,
      MicrostructureParams params,
      LiquidityScore history,
      Resilience resilience,
      Vpin vpin,
      long timeUs) {
    double band = params.liquidityBandBps();
    return of(
        Depth.notionalWithinBps(book, BookSide.BID, band),
        Depth.notionalWithinBps(book, BookSide.ASK, band),
        history,
        resilience,
        vpin,
        timeUs);
  }

  /**
   * The liquidity of a sample whose bid and ask notionals within the band are given ({@code NaN}:
   * no mid), e.g. the means over a minute's seconds. Records the total in {@code history}; reads
   * {@code resilience} at {@code timeUs} and {@code vpin}.
   */
  public static Liquidity of(
      double bidNotional,
      double askNotional,
      LiquidityScore history,
      Resilience resilience,
      Vpin vpin,
      long timeUs) {
    double total = bidNotional + askNotional;
    return new Liquidity(
        orNull(bidNotional),
        orNull(askNotional),
        orNull(total),
        orNull(history.scoreAndAdd(total)),
        orNull(resilience.score(timeUs)),
        orNull(vpin.toxicityScore()),
        orNull(vpin.vpin()));
  }
}
