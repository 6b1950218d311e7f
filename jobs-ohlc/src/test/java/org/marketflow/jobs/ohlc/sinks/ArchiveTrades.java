package org.marketflow.jobs.ohlc.sinks;

import static org.marketflow.testing.data.Trades.MINUTE_US;

import org.marketflow.schemas.avro.Side;
import org.marketflow.schemas.avro.Trade;

/** Trades as each kind of venue sends them, for the archive's tests. */
final class ArchiveTrades {

  static final String KRAKEN = "KRAKEN:XBT/USD";

  private ArchiveTrades() {}

  /** A Kraken trade: no trade id, no sequence. */
  static Trade kraken(long timeUs, double price, double size, Side side) {
    return Trade.newBuilder()
        .setInstrument(KRAKEN)
        .setExchangeTimeUs(timeUs)
        .setReceiveTimeUs(timeUs + 2_500)
        .setPrice(price)
        .setSize(size)
        .setSide(side)
        .build();
  }

  /** The Kraken trade the digest's fixed value in {@code TradeArchiveIdsTest} is of. */
  static Trade kraken() {
    return kraken(MINUTE_US, 61_837.62, 0.015, Side.SELL);
  }

  /** A Pariflow engine trade: the engine's trade and order ids, against the AMM. */
  static Trade pariflow(long timeUs, String tradeId) {
    return Trade.newBuilder()
        .setInstrument("PARIFLOW:election-2028:candidate-a:YES")
        .setExchangeTimeUs(timeUs)
        .setReceiveTimeUs(timeUs + 800)
        .setSequence(null)
        .setTradeId(tradeId)
        .setPrice(0.42)
        .setSize(250.0)
        .setSide(Side.SELL)
        .setIsAmmTrade(true)
        .setOrderId("ord-" + tradeId)
        .build();
  }
}
