package org.marketflow.ingest.handler;

import java.util.HashMap;
import java.util.Map;
import org.marketflow.schemas.avro.Trade;

/**
 * Drops a trade the handler has already published: one whose venue sequence (Binance's trade id,
 * increasing per symbol) is not above the last one published for its instrument. A reconnect or a
 * resent message repeats trades; the bars would count them twice. Trades without a sequence pass.
 * Keeps one number per instrument.
 */
public final class RepeatedTrades {

  private final Map<String, Long> lastSequence = new HashMap<>();

  /** Whether {@code trade} is new; if so it is remembered as the last of its instrument. */
  public boolean isNew(Trade trade) {
    Long sequence = trade.getSequence();
    return sequence == null || isNew(trade.getInstrument(), sequence);
  }

  /**
   * Whether a trade of {@code instrument} numbered {@code id} is new, for venues whose trades are
   * numbered by another increasing id than the sequence (Coinbase's {@code trade_id}); if so it is
   * remembered as the last of its instrument. Use one instance per kind of number.
   */
  public boolean isNew(String instrument, long id) {
    Long last = lastSequence.get(instrument);
    if (last != null && id <= last) {
      return false;
    }
    lastSequence.put(instrument, id);
    return true;
  }
}
