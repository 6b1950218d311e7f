package org.marketflow.ingest.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.marketflow.schemas.avro.BookLevel;
import org.marketflow.schemas.avro.BookUpdate;
import org.marketflow.schemas.avro.BookUpdateKind;
import org.marketflow.schemas.avro.Quote;
import org.marketflow.schemas.avro.Side;
import org.marketflow.schemas.avro.Trade;

/**
 * One instrument's records, read from a {@link SimulatedBook}: a snapshot, then deltas numbered one
 * after the other (as the Pariflow engine numbers them: a delta's {@code firstSequence} and {@code
 * lastSequence} are its number, {@code previousSequence} the one before); a quote whenever the top
 * of the book changes, carrying the number of the update that changed it; and trades.
 *
 * <p>The NO side of a prediction market reads the YES book as its complement: a YES level at price
 * {@code p} is a NO level of the other side at {@code 1 − p}, with the same size and orders. So the
 * NO bid is 1 minus the YES ask, the NO ask 1 minus the YES bid.
 */
final class BookStream {

  /** 1.00 in ticks of 0.01: a YES price and its NO price add up to it. */
  private static final long ONE = 100;

  private record Top(long bidTicks, long bidLots, long askTicks, long askLots) {}

  private final String instrument;
  private final boolean complement;
  private final boolean engine;
  private final DecimalStep prices;
  private final DecimalStep sizes;
  private long sequence;
  private long trades;
  private Top lastTop;

  /**
   * @param complement whether this is the NO side of the (YES) book it reads
   * @param engine whether it is published as the Pariflow engine publishes: levels with their
   *     number of orders, trades with the engine's order id (exchanges give neither)
   */
  BookStream(String instrument, SimulatedInstrument spec, boolean complement, boolean engine) {
    this.instrument = instrument;
    this.complement = complement;
    this.engine = engine;
    this.prices = new DecimalStep(spec.tick());
    this.sizes = new DecimalStep(spec.lot());
  }

  /**
   * The instruments published from {@code spec}'s book: itself, and for a prediction market (given
   * by its YES side) its NO side after it.
   */
  static List<BookStream> of(SimulatedInstrument spec) {
    if (!spec.isPredictionMarket()) {
      return List.of(new BookStream(spec.id(), spec, false, false));
    }
    return List.of(
        new BookStream(spec.id(), spec, false, true),
        new BookStream(spec.complementId(), spec, true, true));
  }

  String instrument() {
    return instrument;
  }

  /** The whole book, numbered as the next update (or as the last one, when {@code peek}). */
  BookUpdate snapshot(SimulatedBook book, long timeUs, long receiveUs, boolean peek) {
    long number = peek ? sequence : ++sequence;
    return BookUpdate.newBuilder()
        .setInstrument(instrument)
        .setExchangeTimeUs(timeUs)
        .setReceiveTimeUs(receiveUs)
        .setKind(BookUpdateKind.SNAPSHOT)
        .setLastSequence(number)
        .setBids(levels(book, BookSide.BIDS))
        .setAsks(levels(book, BookSide.ASKS))
        .build();
  }

  /** The levels that {@code changes} made to the book, as the next delta. */
  BookUpdate delta(List<SimulatedBook.Change> changes, long timeUs, long receiveUs) {
    List<BookLevel> bids = new ArrayList<>();
    List<BookLevel> asks = new ArrayList<>();
    for (SimulatedBook.Change change : changes) {
      BookSide side = complement ? change.side().opposite() : change.side();
      (side == BookSide.BIDS ? bids : asks)
          .add(level(change.ticks(), change.lots(), change.orders()));
    }
    long number = ++sequence;
    return BookUpdate.newBuilder()
        .setInstrument(instrument)
        .setExchangeTimeUs(timeUs)
        .setReceiveTimeUs(receiveUs)
        .setKind(BookUpdateKind.DELTA)
        .setFirstSequence(number)
        .setLastSequence(number)
        .setPreviousSequence(number - 1)
        .setBids(bids)
        .setAsks(asks)
        .build();
  }

  /** The top of the book as a quote, or {@code null} when it is the one last quoted. */
  Quote quoteIfChanged(SimulatedBook book, long timeUs, long receiveUs) {
    Map.Entry<Long, SimulatedBook.Level> bid = book.levels(source(BookSide.BIDS)).firstEntry();
    Map.Entry<Long, SimulatedBook.Level> ask = book.levels(source(BookSide.ASKS)).firstEntry();
    if (bid == null || ask == null) {
      return null;
    }
    Top top =
        new Top(
            ticks(bid.getKey()), bid.getValue().lots(), ticks(ask.getKey()), ask.getValue().lots());
    if (top.equals(lastTop)) {
      return null;
    }
    lastTop = top;
    return Quote.newBuilder()
        .setInstrument(instrument)
        .setExchangeTimeUs(timeUs)
        .setReceiveTimeUs(receiveUs)
        .setSequence(sequence)
        .setBidPrice(prices.valueOf(top.bidTicks()))
        .setBidSize(sizes.valueOf(top.bidLots()))
        .setAskPrice(prices.valueOf(top.askTicks()))
        .setAskSize(sizes.valueOf(top.askLots()))
        .build();
  }

  /**
   * A fill of a market order on this instrument, numbered as its next trade.
   *
   * @param taker the market order's side on this instrument (the aggressor)
   * @param orderId the market order's id: its fills at several levels share it
   */
  Trade trade(SimulatedBook.Fill fill, Side taker, String orderId, long timeUs, long receiveUs) {
    long number = ++trades;
    Trade.Builder trade =
        Trade.newBuilder()
            .setInstrument(instrument)
            .setExchangeTimeUs(timeUs)
            .setReceiveTimeUs(receiveUs)
            .setSequence(number)
            .setTradeId(Long.toString(number))
            .setPrice(prices.valueOf(ticks(fill.ticks())))
            .setSize(sizes.valueOf(fill.lots()))
            .setSide(taker);
    if (engine) {
      trade.setIsAmmTrade(false).setOrderId(orderId);
    }
    return trade.build();
  }

  /**
   * The side of the book this instrument's {@code side} is read from: the same, or the other for
   * the complement.
   */
  BookSide source(BookSide side) {
    return complement ? side.opposite() : side;
  }

  private List<BookLevel> levels(SimulatedBook book, BookSide side) {
    List<BookLevel> levels = new ArrayList<>();
    book.levels(source(side))
        .forEach((ticks, level) -> levels.add(level(ticks, level.lots(), level.orders())));
    return levels;
  }

  private BookLevel level(long bookTicks, long lots, int orders) {
    return new BookLevel(
        prices.valueOf(ticks(bookTicks)), sizes.valueOf(lots), engine ? orders : null);
  }

  /** This instrument's price, in ticks, of a price of the book it reads. */
  private long ticks(long bookTicks) {
    return complement ? ONE - bookTicks : bookTicks;
  }
}
