package org.marketflow.benchmarks.feeds;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.marketflow.ingest.binance.BinanceMessage;
import org.marketflow.ingest.book.OrderBook;
import org.marketflow.schemas.avro.BookLevel;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Applying a real recording's depth diffs to a book, all of them per operation, from the
 * recording's snapshot (target: 5,000,000 level updates/s on one core). The book is reset to the
 * snapshot before each operation, outside the timing. The score is operations (passes over all
 * diffs) per second; {@code levelUpdates} is the rate that matters, the price levels applied per
 * second. Beside {@link OrderBook} ({@code TreeMap<Double, Double>} per side): {@link
 * SortedArrayBook}, sorted {@code double[]}s.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class OrderBookBenchmark {

  /** The snapshot and the diffs after it, read once. */
  @State(Scope.Benchmark)
  public static class Diffs {

    @Param(BinanceDepthRecording.DEFAULT_FILE)
    public String recording;

    List<BookLevel> snapshotBids;
    List<BookLevel> snapshotAsks;
    List<BookLevel>[] bids;
    List<BookLevel>[] asks;
    long levelUpdates;

    @Setup(Level.Trial)
    @SuppressWarnings("unchecked")
    public void read() throws IOException {
      BinanceDepthRecording depth = BinanceDepthRecording.read(Path.of(recording));
      snapshotBids = depth.snapshot().bids();
      snapshotAsks = depth.snapshot().asks();
      bids = depth.diffs().stream().map(BinanceMessage.DepthDiff::bids).toArray(List[]::new);
      asks = depth.diffs().stream().map(BinanceMessage.DepthDiff::asks).toArray(List[]::new);
      levelUpdates = depth.levelUpdates();
      checkBooksAgree();
    }

    /** Both books must end in the same state, or the comparison means nothing. */
    private void checkBooksAgree() {
      OrderBook orderBook = new OrderBook();
      SortedArrayBook arrayBook = new SortedArrayBook();
      orderBook.reset(snapshotBids, snapshotAsks);
      arrayBook.reset(snapshotBids, snapshotAsks);
      for (int d = 0; d < bids.length; d++) {
        orderBook.apply(bids[d], asks[d]);
        arrayBook.apply(bids[d], asks[d]);
      }
      if (orderBook.depth() != arrayBook.depth()
          || !orderBook.bids(orderBook.depth()).equals(arrayBook.bids(arrayBook.depth()))
          || !orderBook.asks(orderBook.depth()).equals(arrayBook.asks(arrayBook.depth()))) {
        throw new IllegalStateException("the two books differ after the diffs of " + recording);
      }
    }
  }

  /** The level updates applied, reported as a rate beside the score. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class LevelUpdates {
    public long levelUpdates;

    @Setup(Level.Iteration)
    public void clear() {
      levelUpdates = 0;
    }
  }

  @State(Scope.Thread)
  public static class TreeMapBook {
    final OrderBook book = new OrderBook();

    @Setup(Level.Invocation)
    public void reset(Diffs diffs) {
      book.reset(diffs.snapshotBids, diffs.snapshotAsks);
    }
  }

  @State(Scope.Thread)
  public static class ArrayBook {
    final SortedArrayBook book = new SortedArrayBook();

    @Setup(Level.Invocation)
    public void reset(Diffs diffs) {
      book.reset(diffs.snapshotBids, diffs.snapshotAsks);
    }
  }

  @Benchmark
  public int orderBook(Diffs diffs, TreeMapBook state, LevelUpdates counter) {
    OrderBook book = state.book;
    for (int d = 0; d < diffs.bids.length; d++) {
      book.apply(diffs.bids[d], diffs.asks[d]);
    }
    counter.levelUpdates += diffs.levelUpdates;
    return book.depth();
  }

  @Benchmark
  public int sortedArrays(Diffs diffs, ArrayBook state, LevelUpdates counter) {
    SortedArrayBook book = state.book;
    for (int d = 0; d < diffs.bids.length; d++) {
      book.apply(diffs.bids[d], diffs.asks[d]);
    }
    counter.levelUpdates += diffs.levelUpdates;
    return book.depth();
  }
}
