package org.marketflow.benchmarks.kafka;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.function.Supplier;
import org.marketflow.ingest.feed.FeedOutput;
import org.marketflow.ingest.simulator.MarketSimulator;
import org.marketflow.schemas.avro.BookUpdate;
import org.marketflow.schemas.avro.FeedStatus;
import org.marketflow.schemas.avro.Quote;
import org.marketflow.schemas.avro.Trade;
import org.marketflow.schemas.kafka.RecordOrigin;

/**
 * The book updates of a {@link MarketSimulator}, one at a time, in the order it publishes them: a
 * snapshot per instrument at the opening, then the deltas of each market event. Its trades, quotes
 * and statuses are dropped. Endless: the market runs as long as updates are asked for.
 */
public final class BookTape implements Supplier<BookUpdate> {

  private final MarketSimulator simulator;
  private final BooksOnly books = new BooksOnly();

  /** Opens {@code simulator}'s market. */
  public BookTape(MarketSimulator simulator) {
    this.simulator = simulator;
    simulator.open(books);
  }

  /** The next book update; runs the market until it publishes one. */
  @Override
  public BookUpdate get() {
    while (books.pending.isEmpty()) {
      simulator.next(books);
    }
    return books.pending.poll();
  }

  /** Keeps the book updates of what the simulator publishes. */
  private static final class BooksOnly implements FeedOutput {

    private final Queue<BookUpdate> pending = new ArrayDeque<>();

    @Override
    public void book(BookUpdate update) {
      pending.add(update);
    }

    @Override
    public void status(FeedStatus status) {}

    @Override
    public void trade(Trade trade) {}

    @Override
    public void quote(Quote quote) {}

    @Override
    public void deadLetter(
        String stage, String reason, RecordOrigin origin, long atUs, byte[] raw) {}
  }
}
