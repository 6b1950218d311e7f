package org.marketflow.jobs.ohlc.sinks;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.marketflow.schemas.avro.Trade;
import org.marketflow.schemas.db.Tables;

/**
 * The {@code trade_id} a trade is archived under in {@link Tables#TRADES}, whose key is
 * (instrument, exchange time, trade id):
 *
 * <ol>
 *   <li>the venue's trade id, when the trade has one (Binance, Coinbase, the Pariflow engine, the
 *       simulator);
 *   <li>else {@code seq:<sequence>}, when the venue numbered the trade;
 *   <li>else (Kraken) {@code sha256:<digest>:<n>}: the first 16 bytes, in hex, of the SHA-256 of
 *       the exchange time (epoch µs), the price and the size (IEEE 754 bits), each as 8 big-endian
 *       bytes, and the side's name in UTF-8; {@code n} is how many trades of the instrument with
 *       the same four values came before this one, in the order the job reads them ({@link
 *       AssignTradeIds}).
 * </ol>
 *
 * Every part comes from the trade itself and its place in its instrument's Kafka partition, so a
 * replay archives each trade under the id it had and writes nothing new. Two genuine trades never
 * share an id: distinct venue ids and sequences stay distinct, trades that differ in time, price,
 * size or side differ in the digest, and identical ones (one order filling two resting orders of
 * the same size at one price, in one message) differ in {@code n}. A venue that repeats a trade
 * repeats its id or sequence and the repeat is not stored again; a trade without either cannot be
 * told from a second identical one, so both are kept.
 */
public final class TradeArchiveIds {

  public static final String SEQUENCE_PREFIX = "seq:";
  public static final String DIGEST_PREFIX = "sha256:";

  private static final int DIGEST_BYTES = 16;
  private static final HexFormat HEX = HexFormat.of();

  private TradeArchiveIds() {}

  /**
   * The id of {@code trade}: its trade id when it has one (as after {@link AssignTradeIds}), else
   * its sequence, else its digest as the first of identical trades.
   */
  public static String of(Trade trade) {
    if (trade.getTradeId() != null) {
      return trade.getTradeId();
    }
    if (trade.getSequence() != null) {
      return SEQUENCE_PREFIX + trade.getSequence();
    }
    return numbered(digest(trade), 0);
  }

  /** Whether the venue gave {@code trade} neither a trade id nor a sequence. */
  public static boolean hasNoVenueId(Trade trade) {
    return trade.getTradeId() == null && trade.getSequence() == null;
  }

  /** {@code sha256:<hex>} of the trade's exchange time, price, size and side. */
  public static String digest(Trade trade) {
    byte[] side = trade.getSide().name().getBytes(StandardCharsets.UTF_8);
    ByteBuffer fields = ByteBuffer.allocate(3 * Long.BYTES + side.length);
    fields.putLong(trade.getExchangeTimeUs());
    fields.putLong(Double.doubleToLongBits(trade.getPrice()));
    fields.putLong(Double.doubleToLongBits(trade.getSize()));
    fields.put(side);
    byte[] hash = sha256().digest(fields.array());
    return DIGEST_PREFIX + HEX.formatHex(hash, 0, DIGEST_BYTES);
  }

  /**
   * The id of the trade with {@code digest} that has {@code earlier} identical trades before it.
   */
  public static String numbered(String digest, int earlier) {
    return digest + ":" + earlier;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
