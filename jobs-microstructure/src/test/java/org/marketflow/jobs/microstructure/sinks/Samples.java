package org.marketflow.jobs.microstructure.sinks;

import java.util.List;
import org.marketflow.schemas.avro.BookLevel;
import org.marketflow.schemas.avro.LiquidityMetrics;
import org.marketflow.schemas.avro.MarketMicrostructure;
import org.marketflow.schemas.avro.MarketTick;
import org.marketflow.schemas.avro.OrderBookSnapshot;
import org.marketflow.schemas.avro.PredictionPairMetrics;
import org.marketflow.schemas.avro.SnapshotReason;
import org.marketflow.schemas.avro.TickSource;

/** One record of each output, at fixed instants, with some fields null. */
public final class Samples {

  public static final String BTC = "BINANCE:BTCUSDT";
  public static final long SECOND_US = 1_723_161_255_000_000L;

  private Samples() {}

  public static MarketTick tick(long timeUs, int index) {
    return MarketTick.newBuilder()
        .setInstrument(BTC)
        .setVenue("BINANCE")
        .setExchangeTimeUs(timeUs)
        .setTickIndex(index)
        .setSource(TickSource.BOOK)
        .setSequence(42L + index)
        .setLatencyUs(1_250)
        .setBid(61837.62)
        .setAsk(61837.63)
        .setBidSize(1.5)
        .setAskSize(0.02)
        .setLastPrice(null)
        .setLastSize(null)
        .setVolume(0.0)
        .build();
  }

  public static OrderBookSnapshot snapshot() {
    return OrderBookSnapshot.newBuilder()
        .setInstrument(BTC)
        .setSnapshotTimeUs(SECOND_US)
        .setReason(SnapshotReason.INTERVAL)
        .setLastUpdateTimeUs(SECOND_US - 17)
        .setLastSequence(42L)
        .setDepthLevels(20)
        .setBookBidLevels(120)
        .setBookAskLevels(130)
        .setBids(List.of(level(61837.63, 0.02, null), level(61837.62, 1.5, null)))
        .setAsks(List.of(level(61837.64, 0.75, null)))
        .setChecksum(341077034L)
        .build();
  }

  public static BookLevel level(double price, double size, Integer orderCount) {
    return BookLevel.newBuilder().setPrice(price).setSize(size).setOrderCount(orderCount).build();
  }

  public static MarketMicrostructure microstructure() {
    return MarketMicrostructure.newBuilder()
        .setInstrument(BTC)
        .setBucketStartUs(SECOND_US)
        .setMidPrice(61837.635)
        .setMicroprice(61837.6301)
        .setQuotedSpreadBps(0.0016)
        .setSpreadBps(0.0017)
        .setEffectiveSpreadBps(null)
        .setRealizedSpreadBps(null)
        .setRealizedSpreadHorizonUs(5_000_000)
        .setDepthBandBps(10.0)
        .setDepthBid(3.5)
        .setDepthAsk(2.25)
        .setDepthBidNotional(216431.7)
        .setDepthAskNotional(139134.6)
        .setImbalance(0.217)
        .setDepthTopLevels(10)
        .setDepthBidTop(4.0)
        .setDepthAskTop(3.0)
        .setTickFrequency(12.0)
        .setPriceImpactNotional(10_000.0)
        .setPriceImpactBuyBps(0.01)
        .setPriceImpactSellBps(null)
        .setTradeCount(0)
        .setVolume(0.0)
        .build();
  }

  public static LiquidityMetrics liquidity() {
    return LiquidityMetrics.newBuilder()
        .setInstrument(BTC)
        .setBucketStartUs(SECOND_US - 15_000_000)
        .setLiquidityBandBps(100.0)
        .setBidLiquidityUsd(1.5e6)
        .setAskLiquidityUsd(1.25e6)
        .setTotalLiquidityUsd(2.75e6)
        .setLiquidityScore(62.5)
        .setResilienceScore(null)
        .setResilienceHalfLifeS(null)
        .setVpin(0.31)
        .setVpinBucketVolume(0.8)
        .setVpinWindowBuckets(50)
        .build();
  }

  public static PredictionPairMetrics pair() {
    return PredictionPairMetrics.newBuilder()
        .setEventId("e1")
        .setOutcomeId("o1")
        .setBucketStartUs(SECOND_US)
        .setYesBid(0.41)
        .setYesAsk(0.43)
        .setNoBid(0.57)
        .setNoAsk(0.59)
        .setYesMid(0.42)
        .setNoMid(0.58)
        .setImpliedProbability(0.42)
        .setImpliedProbabilityFromNo(0.42)
        .setOverround(0.02)
        .setArbitrageBuyGap(0.0)
        .setArbitrageSellGap(null)
        .build();
  }
}
