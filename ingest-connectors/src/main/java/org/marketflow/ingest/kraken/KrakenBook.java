package org.marketflow.ingest.kraken;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.zip.CRC32;

/**
 * One Kraken order book as Kraken's WebSocket v1 {@code book} channel describes it, kept with the
 * venue's own decimal strings: its checksum is computed over those strings, so a book of doubles
 * could not reproduce it. After each update the book is cut to the subscribed depth, as Kraken
 * requires, and {@link #checksum()} must equal the update's {@code c}.
 */
public final class KrakenBook {

  /** A level as Kraken sent it. */
  public record Level(String price, String volume) {}

  /**
   * What an update changed, net of the cut to depth: every price it named and every price the cut
   * removed, each once, with its volume after the update ({@code "0"}: no longer in the book).
   * Applied to the book before the update, these levels alone give the book after it.
   *
   * @param cut how many levels the cut to depth removed
   */
  public record Change(List<Level> asks, List<Level> bids, int cut) {}

  private final int depth;
  private final NavigableMap<BigDecimal, Level> asks = new TreeMap<>();
  private final NavigableMap<BigDecimal, Level> bids = new TreeMap<>(Comparator.reverseOrder());

  /**
   * @param depth the subscribed depth ({@code book-1000}: 1000)
   */
  public KrakenBook(int depth) {
    this.depth = depth;
  }

  /** Replaces the book with a snapshot's levels. */
  public void reset(List<Level> askLevels, List<Level> bidLevels) {
    clear();
    apply(askLevels, bidLevels);
  }

  /**
   * Applies an update's levels (a volume of zero removes the level), then cuts each side to the
   * depth: Kraken sends no removal for a level pushed beyond the depth by a better one.
   *
   * @return the net change, removals by the cut included
   */
  public Change apply(List<Level> askLevels, List<Level> bidLevels) {
    Map<BigDecimal, Level> askChanges = new LinkedHashMap<>();
    Map<BigDecimal, Level> bidChanges = new LinkedHashMap<>();
    set(asks, askLevels, askChanges);
    set(bids, bidLevels, bidChanges);
    int cut = truncate(asks, askChanges) + truncate(bids, bidChanges);
    return new Change(List.copyOf(askChanges.values()), List.copyOf(bidChanges.values()), cut);
  }

  /**
   * Kraken's CRC32 of the book: for the 10 best asks (lowest first), then the 10 best bids (highest
   * first), the price and then the volume, each without its decimal point and leading zeros, all
   * concatenated; unsigned.
   */
  public long checksum() {
    StringBuilder text = new StringBuilder(400);
    append(text, asks);
    append(text, bids);
    CRC32 crc = new CRC32();
    crc.update(text.toString().getBytes(StandardCharsets.US_ASCII));
    return crc.getValue();
  }

  public Map.Entry<BigDecimal, Level> bestAsk() {
    return asks.firstEntry();
  }

  public Map.Entry<BigDecimal, Level> bestBid() {
    return bids.firstEntry();
  }

  public int size() {
    return asks.size() + bids.size();
  }

  public int depth() {
    return depth;
  }

  /** All asks, lowest first. */
  public List<Level> asks() {
    return new ArrayList<>(asks.values());
  }

  /** All bids, highest first. */
  public List<Level> bids() {
    return new ArrayList<>(bids.values());
  }

  public void clear() {
    asks.clear();
    bids.clear();
  }

  private static void set(
      NavigableMap<BigDecimal, Level> side, List<Level> levels, Map<BigDecimal, Level> changes) {
    for (Level level : levels) {
      BigDecimal price = new BigDecimal(level.price());
      if (new BigDecimal(level.volume()).signum() == 0) {
        side.remove(price);
      } else {
        side.put(price, level);
      }
      changes.put(price.stripTrailingZeros(), level); // one entry per price: 1.0 and 1.00 alike
    }
  }

  private int truncate(NavigableMap<BigDecimal, Level> side, Map<BigDecimal, Level> changes) {
    int cut = 0;
    while (side.size() > depth) {
      Map.Entry<BigDecimal, Level> last = side.pollLastEntry();
      changes.put(last.getKey().stripTrailingZeros(), new Level(last.getValue().price(), "0"));
      cut++;
    }
    return cut;
  }

  private static void append(StringBuilder text, NavigableMap<BigDecimal, Level> side) {
    Iterator<Level> levels = side.values().iterator();
    for (int i = 0; i < 10 && levels.hasNext(); i++) {
      Level level = levels.next();
      text.append(digits(level.price())).append(digits(level.volume()));
    }
  }

  /** {@code "0.05000000"} → {@code "5000000"}: no point, no leading zeros. */
  static String digits(String decimal) {
    String noPoint = decimal.replace(".", "");
    int start = 0;
    while (start < noPoint.length() - 1 && noPoint.charAt(start) == '0') {
      start++;
    }
    return noPoint.substring(start);
  }
}
