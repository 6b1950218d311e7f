package org.marketflow.ingest.check;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.marketflow.ingest.book.OrderBook;
import org.marketflow.schemas.avro.BookLevel;
import org.marketflow.schemas.avro.BookUpdate;
import org.marketflow.schemas.avro.FeedState;
import org.marketflow.schemas.avro.FeedStatus;
import org.marketflow.schemas.avro.Quote;

/**
 * Rebuilds each instrument's book from the published {@code BookUpdate}s alone, as a consumer of
 * the book topic does, and compares its top with the venue's own best bid and ask wherever the
 * venue sends one at an aligned update id: a {@code Quote} whose sequence is the last sequence of
 * an applied update, whichever of the two arrives first (Binance's bookTicker stream often runs
 * ahead of its diff stream). Sizes are compared when the venue gives them.
 */
final class TopOfBookCheck {

  static final int RECENT_QUOTES = 4_096;

  /** One instrument's book and comparison counts. */
  static final class Book {
    final OrderBook book = new OrderBook();

    /** Recent quotes by update id: a venue's ticker often comes before its diff. */
    final Map<Long, Quote> quotes =
        new LinkedHashMap<>() {
          @Override
          protected boolean removeEldestEntry(Map.Entry<Long, Quote> eldest) {
            return size() > RECENT_QUOTES;
          }
        };

    Long lastSequence;
    boolean synced;
    long compared;
    long matched;
    String firstMismatch;
  }

  private final Map<String, Book> books = new HashMap<>();

  Book of(String instrument) {
    return books.computeIfAbsent(instrument, id -> new Book());
  }

  void book(BookUpdate update) {
    Book book = of(update.getInstrument());
    book.book.apply(update);
    book.lastSequence = update.getLastSequence();
    if (update.getKind() == org.marketflow.schemas.avro.BookUpdateKind.SNAPSHOT) {
      book.synced = true;
    }
    Quote earlier = book.lastSequence == null ? null : book.quotes.remove(book.lastSequence);
    if (earlier != null) {
      compare(book, earlier);
    }
  }

  void status(FeedStatus status) {
    FeedState state = status.getState();
    if (state == FeedState.GAP
        || state == FeedState.CHECKSUM_MISMATCH
        || state == FeedState.DISCONNECTED) {
      Book book = of(status.getInstrument());
      book.synced = false;
      book.book.clear();
    }
  }

  void quote(Quote quote) {
    Book book = of(quote.getInstrument());
    if (quote.getSequence() == null) {
      return;
    }
    if (quote.getSequence().equals(book.lastSequence)) {
      compare(book, quote);
    } else if (book.lastSequence == null || quote.getSequence() > book.lastSequence) {
      book.quotes.put(quote.getSequence(), quote); // its diff may come next
    }
  }

  private void compare(Book book, Quote quote) {
    if (!book.synced) {
      return;
    }
    book.compared++;
    BookLevel bid = book.book.bestBid();
    BookLevel ask = book.book.bestAsk();
    if (same(bid, quote.getBidPrice(), quote.getBidSize())
        && same(ask, quote.getAskPrice(), quote.getAskSize())) {
      book.matched++;
    } else if (book.firstMismatch == null) {
      book.firstMismatch =
          "at update id "
              + quote.getSequence()
              + ": book "
              + describe(bid)
              + " / "
              + describe(ask)
              + ", venue "
              + quote.getBidPrice()
              + " x "
              + quote.getBidSize()
              + " / "
              + quote.getAskPrice()
              + " x "
              + quote.getAskSize();
    }
  }

  private static boolean same(BookLevel level, double price, double size) {
    return level != null
        && level.getPrice() == price
        && (Double.isNaN(size) || level.getSize() == size);
  }

  private static String describe(BookLevel level) {
    return level == null ? "none" : level.getPrice() + " x " + level.getSize();
  }
}
