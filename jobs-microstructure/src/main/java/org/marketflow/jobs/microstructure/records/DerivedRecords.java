package org.marketflow.jobs.microstructure.records;

import static org.marketflow.jobs.microstructure.metrics.Values.orNull;

import java.util.List;
import org.marketflow.jobs.microstructure.book.BookSide;
import org.marketflow.jobs.microstructure.book.L2Book;
import org.marketflow.jobs.microstructure.metrics.Liquidity;
import org.marketflow.jobs.microstructure.metrics.Microstructure;
import org.marketflow.jobs.microstructure.metrics.MicrostructureParams;
import org.marketflow.jobs.microstructure.metrics.PredictionPair;
import org.marketflow.jobs.microstructure.metrics.Spreads;
import org.marketflow.schemas.avro.BookLevel;
import org.marketflow.schemas.avro.BookStatus;
import org.marketflow.schemas.avro.BookStatusCause;
import org.marketflow.schemas.avro.BookSyncState;
import org.marketflow.schemas.avro.LiquidityMetrics;
import org.marketflow.schemas.avro.MarketMicrostructure;
import org.marketflow.schemas.avro.MarketTick;
import org.marketflow.schemas.avro.OrderBookSnapshot;
import org.marketflow.schemas.avro.PredictionPairMetrics;
import org.marketflow.schemas.avro.SnapshotReason;
import org.marketflow.schemas.avro.TickSource;
import org.marketflow.schemas.book.BookChecksum;

/**
 * The published records of the job, made from the book and the metrics' results, field by field as
 * docs/data-contracts.md maps them. {@code NaN} becomes {@code null}.
 */
public final class DerivedRecords {

  private DerivedRecords() {}

  /** The instrument id's venue: what comes before its first colon. */
  public static String venue(String instrument) {
    int colon = instrument.indexOf(':');
    return colon < 0 ? instrument : instrument.substring(0, colon);
  }

  /**
   * A tick of the book's top and the day's last trade and volume. Set field by field rather than
   * through Avro's builder, which checks and copies each field: a tick is made per book update.
   */
  public static MarketTick tick(
      String instrument,
      String venue,
      long timeUs,
      int tickIndex,
      TickSource source,
      Long sequence,
      long latencyUs,
      L2Book book,
      double lastPrice,
      double lastSize,
      double volume) {
    MarketTick tick = new MarketTick();
    tick.setInstrument(instrument);
    tick.setVenue(venue);
    tick.setExchangeTimeUs(timeUs);
    tick.setTickIndex(tickIndex);
    tick.setSource(source);
    tick.setSequence(sequence);
    tick.setLatencyUs(latencyUs);
    tick.setBid(orNull(book.bestBid()));
    tick.setAsk(orNull(book.bestAsk()));
    tick.setBidSize(orNull(book.bestBidSize()));
    tick.setAskSize(orNull(book.bestAskSize()));
    tick.setLastPrice(orNull(lastPrice));
    tick.setLastSize(orNull(lastSize));
    tick.setVolume(volume);
    return tick;
  }

  /** The book's best {@code depth} levels a side, with their checksum. */
  public static OrderBookSnapshot snapshot(
      String instrument,
      long timeUs,
      SnapshotReason reason,
      long lastUpdateTimeUs,
      Long lastSequence,
      int depth,
      L2Book book) {
    List<BookLevel> bids = book.levels(BookSide.BID, depth);
    List<BookLevel> asks = book.levels(BookSide.ASK, depth);
    return OrderBookSnapshot.newBuilder()
        .setInstrument(instrument)
        .setSnapshotTimeUs(timeUs)
        .setReason(reason)
        .setLastUpdateTimeUs(lastUpdateTimeUs)
        .setLastSequence(lastSequence)
        .setDepthLevels(depth)
        .setBookBidLevels(book.levelCount(BookSide.BID))
        .setBookAskLevels(book.levelCount(BookSide.ASK))
        .setBids(bids)
        .setAsks(asks)
        .setChecksum(BookChecksum.of(bids, asks))
        .build();
  }

  /**
   * A second's microstructure: {@code m} from the book at its end, {@code spreadBps} its
   * time-weighted quoted spread, and its trades. The imbalance is that of the band depths, as the
   * record defines it.
   */
  public static MarketMicrostructure microstructure(
      String instrument,
      long bucketStartUs,
      Microstructure m,
      double spreadBps,
      MicrostructureParams params,
      long trades,
      double volume) {
    return MarketMicrostructure.newBuilder()
        .setInstrument(instrument)
        .setBucketStartUs(bucketStartUs)
        .setMidPrice(m.mid())
        .setMicroprice(m.microprice())
        .setQuotedSpreadBps(m.quotedSpreadBps())
        .setSpreadBps(orNull(spreadBps))
        .setEffectiveSpreadBps(m.effectiveSpreadBps())
        .setRealizedSpreadBps(m.realizedSpreadBps())
        .setRealizedSpreadHorizonUs(params.realizedHorizon().toNanos() / 1_000L)
        .setDepthBandBps(params.depthBandBps())
        .setDepthBid(m.depthBid())
        .setDepthAsk(m.depthAsk())
        .setDepthBidNotional(m.depthBidNotional())
        .setDepthAskNotional(m.depthAskNotional())
        .setImbalance(bandImbalance(m.depthBid(), m.depthAsk()))
        .setDepthTopLevels(params.topLevels())
        .setDepthBidTop(m.topDepthBid())
        .setDepthAskTop(m.topDepthAsk())
        .setTickFrequency(m.tickFrequency())
        .setPriceImpactNotional(params.impactNotional())
        .setPriceImpactBuyBps(m.buyImpactBps())
        .setPriceImpactSellBps(m.sellImpactBps())
        .setTradeCount(trades)
        .setVolume(volume)
        .build();
  }

  /** (bid − ask) / (bid + ask), {@code null} when both are 0 or unknown. */
  static Double bandImbalance(Double bid, Double ask) {
    if (bid == null || ask == null || !(bid + ask > 0.0)) {
      return null;
    }
    return (bid - ask) / (bid + ask);
  }

  /** A minute's liquidity. */
  public static LiquidityMetrics liquidity(
      String instrument,
      long bucketStartUs,
      Liquidity liquidity,
      MicrostructureParams params,
      double vpinBucketVolume) {
    return LiquidityMetrics.newBuilder()
        .setInstrument(instrument)
        .setBucketStartUs(bucketStartUs)
        .setLiquidityBandBps(params.liquidityBandBps())
        .setBidLiquidityUsd(liquidity.bidLiquidityUsd())
        .setAskLiquidityUsd(liquidity.askLiquidityUsd())
        .setTotalLiquidityUsd(liquidity.totalLiquidityUsd())
        .setLiquidityScore(liquidity.liquidityScore())
        .setResilienceScore(liquidity.resilienceScore())
        .setResilienceHalfLifeS(null)
        .setVpin(liquidity.vpin())
        .setVpinBucketVolume(vpinBucketVolume)
        .setVpinWindowBuckets(params.vpinBuckets())
        .build();
  }

  /** A change of whether the job holds the book. */
  public static BookStatus status(
      String instrument,
      long timeUs,
      BookSyncState state,
      BookStatusCause cause,
      Long lastSequence,
      String detail) {
    return BookStatus.newBuilder()
        .setInstrument(instrument)
        .setEventTimeUs(timeUs)
        .setState(state)
        .setCause(cause)
        .setLastSequence(lastSequence)
        .setDetail(detail)
        .build();
  }

  /**
   * One second of an outcome's YES and NO books, keyed {@code PARIFLOW:<eventId>:<outcomeId>};
   * {@code NaN} prices for a side that is empty or whose book is not held.
   */
  public static PredictionPairMetrics pair(
      String outcomeKey,
      long bucketStartUs,
      double yesBid,
      double yesAsk,
      double noBid,
      double noAsk) {
    int outcomeColon = outcomeKey.lastIndexOf(':');
    int eventColon = outcomeKey.indexOf(':');
    PredictionPair pair = PredictionPair.of(yesBid, yesAsk, noBid, noAsk);
    return PredictionPairMetrics.newBuilder()
        .setEventId(outcomeKey.substring(eventColon + 1, outcomeColon))
        .setOutcomeId(outcomeKey.substring(outcomeColon + 1))
        .setBucketStartUs(bucketStartUs)
        .setYesBid(orNull(yesBid))
        .setYesAsk(orNull(yesAsk))
        .setNoBid(orNull(noBid))
        .setNoAsk(orNull(noAsk))
        .setYesMid(orNull(Spreads.mid(yesBid, yesAsk)))
        .setNoMid(orNull(Spreads.mid(noBid, noAsk)))
        .setImpliedProbability(pair.impliedFromYes())
        .setImpliedProbabilityFromNo(pair.impliedFromNo())
        .setOverround(pair.overround())
        .setArbitrageBuyGap(pair.buyBothGap())
        .setArbitrageSellGap(pair.sellBothGap())
        .build();
  }
}
