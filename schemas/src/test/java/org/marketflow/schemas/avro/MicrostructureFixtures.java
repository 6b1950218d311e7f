package org.marketflow.schemas.avro;

import java.util.List;

/** One record of each kind the microstructure job emits, at fixed instants, for tests. */
public final class MicrostructureFixtures {

  /** 2024-08-09T00:00:00Z, a whole minute, in epoch microseconds. */
  public static final long MINUTE_US = 1_723_161_600_000_000L;

  private MicrostructureFixtures() {}

  public static MarketTick tick() {
    return MarketTick.newBuilder()
        .setInstrument("BINANCE:BTCUSDT")
        .setVenue("BINANCE")
        .setExchangeTimeUs(MINUTE_US + 1_234_567L)
        .setTickIndex(1)
        .setSource(TickSource.TRADE)
        .setSequence(3_735_683_259L)
        .setLatencyUs(-1_254_104L)
        .setBid(61_837.62)
        .setAsk(61_837.63)
        .setBidSize(1.5)
        .setAskSize(0.75)
        .setLastPrice(61_837.63)
        .setLastSize(0.02)
        .setVolume(12_345.678)
        .build();
  }

  /** A tick of a book with an empty ask side, before the day's first trade. */
  public static MarketTick oneSidedTick() {
    return MarketTick.newBuilder()
        .setInstrument("KRAKEN:XBT/USD")
        .setVenue("KRAKEN")
        .setExchangeTimeUs(MINUTE_US)
        .setTickIndex(0)
        .setSource(TickSource.BOOK)
        .setLatencyUs(800L)
        .setBid(61_800.1)
        .setBidSize(0.4)
        .setVolume(0.0)
        .build();
  }

  public static OrderBookSnapshot snapshot() {
    List<BookLevel> bids = List.of(level(61_837.62, 1.5), level(61_837.61, 0.3));
    List<BookLevel> asks = List.of(level(61_837.63, 0.75));
    return OrderBookSnapshot.newBuilder()
        .setInstrument("BINANCE:BTCUSDT")
        .setSnapshotTimeUs(MINUTE_US + 1_000_000L)
        .setReason(SnapshotReason.INTERVAL)
        .setLastUpdateTimeUs(MINUTE_US + 987_000L)
        .setLastSequence(51_234_567_890L)
        .setDepthLevels(20)
        .setBookBidLevels(2)
        .setBookAskLevels(1)
        .setBids(bids)
        .setAsks(asks)
        .setChecksum(3_475_116_498L)
        .build();
  }

  public static MarketMicrostructure microstructure() {
    return MarketMicrostructure.newBuilder()
        .setInstrument("BINANCE:BTCUSDT")
        .setBucketStartUs(MINUTE_US + 1_000_000L)
        .setMidPrice(61_837.625)
        .setMicroprice(61_837.6267)
        .setQuotedSpreadBps(0.0016)
        .setSpreadBps(0.0021)
        .setEffectiveSpreadBps(0.0016)
        .setRealizedSpreadBps(-0.0004)
        .setRealizedSpreadHorizonUs(5_000_000L)
        .setDepthBandBps(10.0)
        .setDepthBid(12.5)
        .setDepthAsk(9.25)
        .setDepthBidNotional(772_960.1)
        .setDepthAskNotional(571_994.2)
        .setImbalance(0.1494)
        .setDepthTopLevels(5)
        .setDepthBidTop(3.1)
        .setDepthAskTop(2.2)
        .setTickFrequency(87.0)
        .setPriceImpactNotional(100_000.0)
        .setPriceImpactBuyBps(0.42)
        .setPriceImpactSellBps(0.57)
        .setTradeCount(31L)
        .setVolume(1.875)
        .build();
  }

  /** A second without trades in which the ask side was empty throughout. */
  public static MarketMicrostructure oneSidedMicrostructure() {
    return MarketMicrostructure.newBuilder()
        .setInstrument("PARIFLOW:evt-1:out-7:YES")
        .setBucketStartUs(MINUTE_US)
        .setRealizedSpreadHorizonUs(5_000_000L)
        .setDepthBandBps(100.0)
        .setDepthTopLevels(5)
        .setDepthBidTop(250.0)
        .setDepthAskTop(0.0)
        .setTickFrequency(0.0)
        .setPriceImpactNotional(100.0)
        .setTradeCount(0L)
        .setVolume(0.0)
        .build();
  }

  public static LiquidityMetrics liquidity() {
    return LiquidityMetrics.newBuilder()
        .setInstrument("BINANCE:BTCUSDT")
        .setBucketStartUs(MINUTE_US)
        .setLiquidityBandBps(10.0)
        .setBidLiquidityUsd(772_960.1)
        .setAskLiquidityUsd(571_994.2)
        .setTotalLiquidityUsd(1_344_954.3)
        .setLiquidityScore(71.5)
        .setResilienceScore(64.0)
        .setResilienceHalfLifeS(2.5)
        .setVpin(0.31)
        .setVpinBucketVolume(50.0)
        .setVpinWindowBuckets(50)
        .build();
  }

  public static PredictionPairMetrics predictionPair() {
    return PredictionPairMetrics.newBuilder()
        .setEventId("evt-2024-election")
        .setOutcomeId("out-7")
        .setBucketStartUs(MINUTE_US + 2_000_000L)
        .setYesBid(0.61)
        .setYesAsk(0.63)
        .setNoBid(0.36)
        .setNoAsk(0.38)
        .setYesMid(0.62)
        .setNoMid(0.37)
        .setImpliedProbability(0.62)
        .setImpliedProbabilityFromNo(0.63)
        .setOverround(0.01)
        .setArbitrageBuyGap(0.0)
        .setArbitrageSellGap(0.0)
        .build();
  }

  /** A pair whose NO book has no asks. */
  public static PredictionPairMetrics predictionPairWithoutNoAsks() {
    return PredictionPairMetrics.newBuilder()
        .setEventId("evt-2024-election")
        .setOutcomeId("out-7")
        .setBucketStartUs(MINUTE_US)
        .setYesBid(0.61)
        .setYesAsk(0.63)
        .setNoBid(0.36)
        .setYesMid(0.62)
        .setImpliedProbability(0.62)
        .setArbitrageSellGap(0.0)
        .build();
  }

  public static BookStatus unsynced() {
    return BookStatus.newBuilder()
        .setInstrument("BINANCE:BTCUSDT")
        .setEventTimeUs(MINUTE_US + 3_000_000L)
        .setState(BookSyncState.UNSYNCED)
        .setCause(BookStatusCause.SEQUENCE_GAP)
        .setLastSequence(51_234_567_890L)
        .setDetail("expected 51234567891, received 51234567895")
        .build();
  }

  private static BookLevel level(double price, double size) {
    return BookLevel.newBuilder().setPrice(price).setSize(size).build();
  }
}
