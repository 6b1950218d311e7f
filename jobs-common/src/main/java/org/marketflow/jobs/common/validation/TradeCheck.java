package org.marketflow.jobs.common.validation;

import java.util.HashSet;
import java.util.Set;
import org.marketflow.schemas.avro.Trade;
import org.marketflow.schemas.instrument.InstrumentId;

/**
 * Whether a trade can be used by any job: a valid instrument id, a price and a size that are
 * positive finite numbers, a prediction-market price within 0.01-0.99, and a trade id that fits the
 * trade archive. (The time check is {@link PlausibleTime}, which every venue record gets.)
 */
public final class TradeCheck implements RecordCheck<Trade> {

  private static final int MAX_REMEMBERED_INSTRUMENTS = 100_000;

  /** The archive's {@code trades.trade_id} column holds this many characters. */
  public static final int MAX_TRADE_ID_LENGTH = 64;

  // Parsing an id on every trade would dominate the check; valid ids are remembered. Bounded by
  // the number of instruments; the cap only guards against a flood of junk ids.
  private transient Set<String> validInstruments;

  @Override
  public String problemWith(Trade trade) {
    String instrument = trade.getInstrument();
    boolean pariflow;
    if (validInstruments == null) {
      validInstruments = new HashSet<>();
    }
    if (validInstruments.contains(instrument)) {
      pariflow = instrument.startsWith(InstrumentId.PARIFLOW + ":");
    } else {
      try {
        pariflow = InstrumentId.parse(instrument).isPariflow();
      } catch (IllegalArgumentException e) {
        return "invalid instrument: " + e.getMessage();
      }
      if (validInstruments.size() >= MAX_REMEMBERED_INSTRUMENTS) {
        validInstruments.clear();
      }
      validInstruments.add(instrument);
    }
    double price = trade.getPrice();
    if (!(price > 0) || Double.isInfinite(price)) {
      return "price must be a positive finite number, not " + price;
    }
    if (pariflow && (price < 0.01 || price > 0.99)) {
      return "prediction-market price must be within 0.01-0.99, not " + price;
    }
    double size = trade.getSize();
    if (!(size > 0) || Double.isInfinite(size)) {
      return "size must be a positive finite number, not " + size;
    }
    String tradeId = trade.getTradeId();
    if (tradeId != null && tradeId.length() > MAX_TRADE_ID_LENGTH) {
      return "trade id longer than " + MAX_TRADE_ID_LENGTH + " characters";
    }
    return null;
  }
}
