package org.marketflow.jobs.ohlc.records;

import org.marketflow.schemas.avro.Side;
import org.marketflow.schemas.avro.Trade;

/**
 * The running values of one bar. Open and close are chosen by (exchange time, sequence), not by
 * arrival, so a late trade that happened first becomes the open and replays give the same bar
 * whatever order the trades arrive in; trades without a sequence tie by arrival. Volume and trades
 * are also split by the aggressor's side; a trade of unknown side counts in neither half. The
 * volumes are exact sums ({@link ExactSum}), so a bar's values do not depend on how its trades were
 * grouped on the way (partial bars, merges).
 */
public class OhlcAccumulator {

  public long openTimeUs = Long.MAX_VALUE;
  public long openSequence = Long.MAX_VALUE;
  public double open;
  public long closeTimeUs = Long.MIN_VALUE;
  public long closeSequence = Long.MIN_VALUE;
  public double close;
  public double high = Double.NEGATIVE_INFINITY;
  public double low = Double.POSITIVE_INFINITY;
  public final ExactSum volume = new ExactSum();
  public final ExactSum quoteVolume = new ExactSum();
  public long tradeCount;
  public final ExactSum buyVolume = new ExactSum();
  public final ExactSum sellVolume = new ExactSum();
  public long buyTradeCount;
  public long sellTradeCount;

  public OhlcAccumulator() {}

  public void add(Trade trade) {
    long timeUs = trade.getExchangeTimeUs();
    Long boxed = trade.getSequence();
    long sequence = boxed == null ? 0L : boxed;
    double price = trade.getPrice();
    double size = trade.getSize();
    if (timeUs < openTimeUs || (timeUs == openTimeUs && sequence < openSequence)) {
      openTimeUs = timeUs;
      openSequence = sequence;
      open = price;
    }
    if (timeUs > closeTimeUs || (timeUs == closeTimeUs && sequence >= closeSequence)) {
      closeTimeUs = timeUs;
      closeSequence = sequence;
      close = price;
    }
    if (price > high) {
      high = price;
    }
    if (price < low) {
      low = price;
    }
    volume.add(size);
    quoteVolume.add(price * size);
    tradeCount++;
    Side side = trade.getSide();
    if (side == Side.BUY) {
      buyVolume.add(size);
      buyTradeCount++;
    } else if (side == Side.SELL) {
      sellVolume.add(size);
      sellTradeCount++;
    }
  }

  /** Folds {@code other} into this one. */
  public void merge(OhlcAccumulator other) {
    if (other.tradeCount == 0) {
      return;
    }
    if (other.openTimeUs < openTimeUs
        || (other.openTimeUs == openTimeUs && other.openSequence < openSequence)) {
      openTimeUs = other.openTimeUs;
      openSequence = other.openSequence;
      open = other.open;
    }
    if (other.closeTimeUs > closeTimeUs
        || (other.closeTimeUs == closeTimeUs && other.closeSequence >= closeSequence)) {
      closeTimeUs = other.closeTimeUs;
      closeSequence = other.closeSequence;
      close = other.close;
    }
    high = Math.max(high, other.high);
    low = Math.min(low, other.low);
    volume.add(other.volume);
    quoteVolume.add(other.quoteVolume);
    tradeCount += other.tradeCount;
    buyVolume.add(other.buyVolume);
    sellVolume.add(other.sellVolume);
    buyTradeCount += other.buyTradeCount;
    sellTradeCount += other.sellTradeCount;
  }
}
