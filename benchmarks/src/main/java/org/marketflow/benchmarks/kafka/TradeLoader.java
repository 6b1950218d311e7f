package org.marketflow.benchmarks.kafka;

import java.time.Duration;
import org.marketflow.ingest.kafka.NormalizedPublisher;
import org.marketflow.ingest.simulator.TradeTape;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes simulated trades with the suite's {@link NormalizedPublisher}, so the topic holds
 * exactly what the OHLC job reads in production: Avro binary, keyed by instrument, stamped with the
 * exchange time.
 */
public final class TradeLoader {

  private static final Logger LOG = LoggerFactory.getLogger(TradeLoader.class);
  private static final long PROGRESS_EVERY = 1_000_000L;

  /** How long loading took, from the first trade generated to the last one acknowledged. */
  public record Load(long trades, Duration wall) {
    public double tradesPerSecond() {
      return trades / (wall.toNanos() / 1e9);
    }
  }

  private TradeLoader() {}

  public static Load load(BenchmarkTopic topic, TradeTape tape, long trades) {
    long start = System.nanoTime();
    try (NormalizedPublisher publisher =
        new NormalizedPublisher(topic.bootstrapServers(), topic.name(), topic.name())) {
      for (long i = 1; i <= trades; i++) {
        publisher.publish(tape.next());
        if (i % PROGRESS_EVERY == 0) {
          LOG.info("loaded {} of {} trades", i, trades);
        }
      }
      publisher.flush();
    }
    return new Load(trades, Duration.ofNanos(System.nanoTime() - start));
  }
}
