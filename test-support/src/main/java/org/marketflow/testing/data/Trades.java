package org.marketflow.testing.data;

import org.marketflow.schemas.avro.Side;
import org.marketflow.schemas.avro.Trade;

/** Small trade fixtures at fixed instants. */
public final class Trades {

  /** 2024-08-08T23:54:00Z, the start of a minute. */
  public static final long MINUTE_US = 1_723_161_240_000_000L;

  private Trades() {}

  public static Trade trade(
      String instrument, long timeUs, long sequence, double price, double size) {
    return Trade.newBuilder()
        .setInstrument(instrument)
        .setExchangeTimeUs(timeUs)
        .setReceiveTimeUs(timeUs + 1_000)
        .setSequence(sequence)
        .setTradeId(Long.toString(sequence))
        .setPrice(price)
        .setSize(size)
        .setSide(Side.BUY)
        .build();
  }

  public static Trade btc(long secondsIntoMinute, long sequence, double price, double size) {
    return trade(
        "BINANCE:BTCUSDT", MINUTE_US + secondsIntoMinute * 1_000_000L, sequence, price, size);
  }
}
