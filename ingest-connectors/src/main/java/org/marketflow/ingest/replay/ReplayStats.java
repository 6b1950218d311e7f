package org.marketflow.ingest.replay;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.marketflow.ingest.binance.BinanceBookHandler;

/**
 * What a replay did: lines read, trades published (and for which instruments), repeated trades
 * dropped, messages ignored by kind, dead letters.
 */
public final class ReplayStats {

  private long lines;
  private long trades;
  private long deadLetters;
  private long repeated;
  private BinanceBookHandler.Counts books = new BinanceBookHandler.Counts(0, 0, 0);
  private final Map<String, Long> ignored = new TreeMap<>();
  private final Set<String> instruments = new TreeSet<>();

  void line() {
    lines++;
  }

  void trade(String instrument) {
    trades++;
    instruments.add(instrument);
  }

  void books(BinanceBookHandler.Counts counts) {
    books = counts;
  }

  /** The books and quotes published. */
  public BinanceBookHandler.Counts books() {
    return books;
  }

  void repeatedTrade() {
    repeated++;
  }

  void deadLetter() {
    deadLetters++;
  }

  void ignored(String kind) {
    ignored.merge(kind, 1L, Long::sum);
  }

  public long lines() {
    return lines;
  }

  public long trades() {
    return trades;
  }

  public long deadLetters() {
    return deadLetters;
  }

  /** Trades dropped because they repeated one already published. */
  public long repeated() {
    return repeated;
  }

  /** The instruments trades were published for, sorted. */
  public Set<String> instruments() {
    return Set.copyOf(instruments);
  }

  /** The first of {@link #instruments()} in order, if any trade was published. */
  public Optional<String> firstInstrument() {
    return instruments.stream().findFirst();
  }

  public Map<String, Long> ignored() {
    return Map.copyOf(ignored);
  }

  @Override
  public String toString() {
    return "lines="
        + lines
        + " trades="
        + trades
        + " deadLetters="
        + deadLetters
        + " repeated="
        + repeated
        + " bookUpdates="
        + books.bookUpdates()
        + " quotes="
        + books.quotes()
        + " gaps="
        + books.gaps()
        + " ignored="
        + ignored;
  }
}
