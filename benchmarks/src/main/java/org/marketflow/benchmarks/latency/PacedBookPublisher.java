package org.marketflow.benchmarks.latency;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import org.marketflow.ingest.kafka.NormalizedPublisher;
import org.marketflow.schemas.avro.BookUpdate;
import org.marketflow.schemas.kafka.DeadLetters;
import org.marketflow.schemas.kafka.Topics;

/**
 * Publishes simulated book updates at a steady rate, as a feed handler would receive them: each
 * stamped on the wall clock (exchange and receive time alike) when it is handed to the suite's
 * {@link NormalizedPublisher}, its receive time kept in {@link ReceiveTimes}. Paced in 1 ms steps:
 * every millisecond the updates due by then go out. The updates are simulated before the clock
 * starts, so that the simulator does not take the CPU the job is measured on.
 */
final class PacedBookPublisher {

  private static final long STEP_NANOS = 1_000_000L;

  private final String bootstrapServers;
  private final String topic;
  private final BookUpdate[] updates;
  private final double rate;
  private final long rampNanos;
  private final long steadyNanos;
  private final int books;
  private final ReceiveTimes receiveTimes;
  private final Duration linger;
  private long published;
  private long steadyPublished;
  private long steadyWallNanos;

  /**
   * @param rate updates per second
   * @param rampNanos how long the rate ramps up from a tenth of {@code rate}, so that the job warms
   *     up (its JIT) without piling up a backlog that would take minutes to clear
   * @param steadyNanos how long to publish at {@code rate} after the ramp
   * @param books the simulated books: the first update of each is published before the clock
   * @param linger the producer's linger, as the feed handler's {@code --linger-ms} sets it
   */
  PacedBookPublisher(
      String bootstrapServers,
      String topic,
      Supplier<BookUpdate> tape,
      double rate,
      long rampNanos,
      long steadyNanos,
      int books,
      ReceiveTimes receiveTimes,
      Duration linger) {
    this.bootstrapServers = bootstrapServers;
    this.topic = topic;
    this.rate = rate;
    this.rampNanos = rampNanos;
    this.steadyNanos = steadyNanos;
    this.books = books;
    this.receiveTimes = receiveTimes;
    this.linger = linger;
    // The updates of the ramp and the steady rate, and up to a minute of priming at a tenth.
    long count = due(rampNanos + steadyNanos) + books + (long) (rate * 0.1 * 60) + 1;
    if (count > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(count + " updates do not fit in memory");
    }
    this.updates = new BookUpdate[(int) count];
    for (int i = 0; i < updates.length; i++) {
      updates[i] = tape.get();
    }
  }

  /**
   * Publishes the first update of each book (its snapshot) at once, then a tenth of the rate until
   * {@code ready} (the job's first tick), so that the paced run does not start with a backlog of
   * the job's start-up; then tells {@code started} the wall clock, epoch µs, and publishes the
   * rest: the ramp, then the steady rate.
   */
  void run(BooleanSupplier ready, Duration timeout, LongConsumer started)
      throws InterruptedException {
    try (NormalizedPublisher publisher =
        new NormalizedPublisher(
            bootstrapServers,
            Map.of(Topics.BOOK, topic, Topics.DEAD_LETTERS, topic),
            DeadLetters.DEFAULT,
            linger)) {
      for (int i = 0; i < books; i++) {
        publish(publisher, i);
      }
      publisher.flush();
      // Until the job ticks, a tenth of the rate: its watermark needs later records to pass the
      // snapshots (by the out-of-orderness), and a backlog of its start-up would take long to
      // clear.
      int count = books;
      long priming = System.nanoTime();
      long deadline = priming + timeout.toNanos();
      while (!ready.getAsBoolean()) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("no tick from the job within " + timeout);
        }
        long due = books + (long) ((System.nanoTime() - priming) / 1e9 * rate * 0.1);
        for (; count < Math.min(due, updates.length - 1); count++) {
          publish(publisher, count);
        }
        LockSupport.parkNanos(STEP_NANOS);
      }
      int primed = count - books;
      long start = System.nanoTime();
      started.accept(WallClock.nowUs());
      int steadyFrom = -1;
      for (long elapsed = 0;
          elapsed < rampNanos + steadyNanos;
          elapsed = System.nanoTime() - start) {
        if (steadyFrom < 0 && elapsed >= rampNanos) {
          steadyFrom = count;
        }
        long due = Math.min(books + primed + due(elapsed), updates.length);
        for (; count < due; count++) {
          publish(publisher, count);
        }
        LockSupport.parkNanos(STEP_NANOS);
      }
      publisher.flush();
      published = count;
      steadyPublished = count - Math.max(steadyFrom, books);
      steadyWallNanos = System.nanoTime() - start - rampNanos;
    }
  }

  private void publish(NormalizedPublisher publisher, int index) {
    long nowUs = WallClock.nowUs();
    BookUpdate update = updates[index];
    updates[index] = null;
    update.setExchangeTimeUs(nowUs);
    update.setReceiveTimeUs(nowUs);
    receiveTimes.put(update.getInstrument(), update.getLastSequence(), nowUs);
    publisher.book(update);
  }

  /** Every update published, once done. */
  long published() {
    return published;
  }

  /** Updates per second kept up after the ramp, once done. */
  double achievedRate() {
    return steadyPublished / (steadyWallNanos / 1e9);
  }

  /**
   * The updates due {@code elapsed} ns into the paced run: the rate ramps linearly from a tenth of
   * itself to itself over the ramp, then stays.
   */
  private long due(long elapsed) {
    double t = elapsed / 1e9;
    double ramp = rampNanos / 1e9;
    if (t < ramp) {
      return (long) (rate * (0.1 * t + 0.45 * t * t / ramp));
    }
    return (long) (rate * (0.55 * ramp + t - ramp));
  }
}
