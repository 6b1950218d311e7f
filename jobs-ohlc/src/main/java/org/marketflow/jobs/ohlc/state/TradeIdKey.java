package org.marketflow.jobs.ohlc.state;

import org.marketflow.schemas.avro.Trade;

/**
 * The 64-bit key by which a repeated trade is recognized in its bar: its venue trade id, else its
 * sequence. An id of up to 18 decimal digits (Binance, Coinbase and the simulator number their
 * trades) is its own key, exactly (leading zeros aside); any other id is hashed with 64-bit FNV-1a,
 * so two different ids among a bar's n trades collide with a probability of about n² / 2⁶⁵ (10⁻¹³
 * for 2,000 trades). A set of longs costs no object per trade, where a set of strings costs two.
 */
public final class TradeIdKey {

  /** {@link #of} of a trade with neither an id nor a sequence: it cannot be recognized. */
  public static final long NONE = Long.MIN_VALUE;

  private static final long FNV_OFFSET = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;
  private static final int MAX_EXACT_DIGITS = 18;

  private TradeIdKey() {}

  /** The trade's key, or {@link #NONE}. */
  public static long of(Trade trade) {
    String id = trade.getTradeId();
    if (id != null) {
      return ofId(id);
    }
    Long sequence = trade.getSequence();
    return sequence == null || sequence == NONE ? NONE : sequence;
  }

  static long ofId(String id) {
    int length = id.length();
    if (length > 0 && length <= MAX_EXACT_DIGITS) {
      long value = 0;
      int i = 0;
      while (i < length) {
        char c = id.charAt(i);
        if (c < '0' || c > '9') {
          break;
        }
        value = value * 10 + (c - '0');
        i++;
      }
      if (i == length) {
        return value;
      }
    }
    long hash = FNV_OFFSET;
    for (int i = 0; i < length; i++) {
      char c = id.charAt(i);
      hash = (hash ^ (c & 0xff)) * FNV_PRIME;
      hash = (hash ^ (c >>> 8)) * FNV_PRIME;
    }
    return hash == NONE ? NONE + 1 : hash;
  }
}
