package org.marketflow.benchmarks.flink;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LongSummaryStatistics;
import java.util.Map;
import java.util.Set;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.marketflow.jobs.microstructure.book.L2Book;
import org.marketflow.jobs.microstructure.state.L2BookSerializer;
import org.marketflow.schemas.avro.BookUpdate;

/**
 * What the job must end with, worked out from the loaded updates without Flink: each instrument's
 * book after its last update, and the (instrument, second) pairs that had one, each of which the
 * job closes with a microstructure row (every simulated book stays synced).
 */
public final class FinalBooks {

  private static final long SECOND_US = 1_000_000L;

  private final Map<String, L2Book> books = new HashMap<>();
  private final Set<String> seconds = new HashSet<>();
  private long updates;

  /** Applies {@code update} to its instrument's book, as the job's book operator does. */
  public BookUpdate apply(BookUpdate update) {
    books.computeIfAbsent(update.getInstrument(), instrument -> new L2Book()).apply(update);
    seconds.add(
        update.getInstrument() + "@" + Math.floorDiv(update.getExchangeTimeUs(), SECOND_US));
    updates++;
    return update;
  }

  public long updates() {
    return updates;
  }

  /** Microstructure rows the job emits for these updates: one per instrument and second. */
  public long microstructureSeconds() {
    return seconds.size();
  }

  /** Bytes of each final book as {@link L2BookSerializer} writes it into keyed state. */
  public StateBytes stateBytes() {
    LongSummaryStatistics bytes = new LongSummaryStatistics();
    LongSummaryStatistics levels = new LongSummaryStatistics();
    DataOutputSerializer out = new DataOutputSerializer(64 * 1024);
    for (L2Book book : books.values()) {
      out.clear();
      try {
        L2BookSerializer.INSTANCE.serialize(book, out);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      bytes.accept(out.length());
      levels.accept(book.levelCount());
    }
    return new StateBytes(books.size(), bytes.getAverage(), bytes.getMax(), levels.getAverage());
  }

  /**
   * The books' sizes in keyed state.
   *
   * @param meanLevels levels of a book, both sides, on average
   */
  public record StateBytes(int books, double mean, long max, double meanLevels) {}
}
