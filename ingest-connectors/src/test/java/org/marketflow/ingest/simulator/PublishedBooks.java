package org.marketflow.ingest.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.marketflow.ingest.book.OrderBook;
import org.marketflow.ingest.feed.FeedOutput;
import org.marketflow.schemas.avro.BookLevel;
import org.marketflow.schemas.avro.BookUpdate;
import org.marketflow.schemas.avro.BookUpdateKind;
import org.marketflow.schemas.avro.FeedStatus;
import org.marketflow.schemas.avro.Quote;
import org.marketflow.schemas.avro.Side;
import org.marketflow.schemas.avro.Trade;
import org.marketflow.schemas.kafka.RecordOrigin;

/**
 * A consumer of the simulator's records that rebuilds each instrument's book from its updates
 * alone, as a consumer of the book topic does with {@link OrderBook}, and checks every record
 * against it as it arrives: updates numbered one after the other from a snapshot, books never
 * crossed, quotes equal to the rebuilt top, and a market order's trades taking the levels best
 * first, each whole but the last, exactly as the book update that follows them removes or shrinks
 * them.
 */
class PublishedBooks implements FeedOutput {

  private static final double SIZE_TOLERANCE = 1e-9;

  final Map<String, OrderBook> books = new HashMap<>();
  final Map<String, Long> sequences = new HashMap<>();
  final List<String> updated = new ArrayList<>();
  private final Map<String, List<Trade>> tradesBeforeUpdate = new HashMap<>();
  long trades;
  long quotes;
  long deltas;
  long tradesWalkingTheBook;

  @Override
  public void book(BookUpdate update) {
    String instrument = update.getInstrument();
    OrderBook book = books.computeIfAbsent(instrument, id -> new OrderBook());
    if (update.getKind() == BookUpdateKind.SNAPSHOT) {
      assertThat(update.getLastSequence()).isEqualTo(1L);
    } else {
      long previous = sequences.get(instrument);
      assertThat(update.getPreviousSequence()).isEqualTo(previous);
      assertThat(update.getFirstSequence()).isEqualTo(previous + 1);
      assertThat(update.getLastSequence()).isEqualTo(previous + 1);
      checkTrades(book, tradesBeforeUpdate.remove(instrument), update);
      deltas++;
    }
    sequences.put(instrument, update.getLastSequence());
    book.apply(update);
    assertThat(book.isCrossed()).as("%s crossed", instrument).isFalse();
    updated.add(instrument);
  }

  @Override
  public void quote(Quote quote) {
    OrderBook book = books.get(quote.getInstrument());
    assertThat(quote.getSequence()).isEqualTo(sequences.get(quote.getInstrument()));
    assertThat(quote.getBidPrice()).isEqualTo(book.bestBid().getPrice());
    assertThat(quote.getBidSize()).isEqualTo(book.bestBid().getSize());
    assertThat(quote.getAskPrice()).isEqualTo(book.bestAsk().getPrice());
    assertThat(quote.getAskSize()).isEqualTo(book.bestAsk().getSize());
    quotes++;
  }

  @Override
  public void trade(Trade trade) {
    tradesBeforeUpdate.computeIfAbsent(trade.getInstrument(), id -> new ArrayList<>()).add(trade);
    trades++;
  }

  @Override
  public void status(FeedStatus status) {}

  @Override
  public void deadLetter(String stage, String reason, RecordOrigin origin, long atUs, byte[] raw) {
    throw new AssertionError("the simulator makes no dead letters: " + reason);
  }

  /**
   * The trades of one market order, against the book before it ({@code book}) and the update that
   * shows what it took.
   */
  private void checkTrades(OrderBook book, List<Trade> fills, BookUpdate update) {
    if (fills == null) {
      return;
    }
    Side side = fills.get(0).getSide();
    List<BookLevel> before = side == Side.BUY ? book.asks(fills.size()) : book.bids(fills.size());
    List<BookLevel> after = side == Side.BUY ? update.getAsks() : update.getBids();
    assertThat(before).hasSameSizeAs(fills);
    for (int i = 0; i < fills.size(); i++) {
      Trade fill = fills.get(i);
      BookLevel level = before.get(i);
      assertThat(fill.getSide()).isEqualTo(side);
      assertThat(fill.getExchangeTimeUs()).isEqualTo(update.getExchangeTimeUs());
      assertThat(fill.getPrice()).as("the %d. level reached", i + 1).isEqualTo(level.getPrice());
      if (i < fills.size() - 1) {
        assertThat(fill.getSize()).as("a level passed is taken whole").isEqualTo(level.getSize());
      } else {
        assertThat(fill.getSize()).isLessThanOrEqualTo(level.getSize());
      }
      double left = level.getSize() - fill.getSize();
      BookLevel changed =
          after.stream().filter(l -> l.getPrice() == fill.getPrice()).findFirst().orElseThrow();
      assertThat(changed.getSize()).isCloseTo(left, within(SIZE_TOLERANCE * level.getSize()));
    }
    if (fills.size() > 1) {
      tradesWalkingTheBook++;
    }
  }
}
