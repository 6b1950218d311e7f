package org.marketflow.benchmarks.kafka;

import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.marketflow.ingest.kafka.NormalizedPublisher;
import org.marketflow.ingest.simulator.TradeTape;
import org.marketflow.schemas.avro.BookUpdate;
import org.marketflow.schemas.avro.OhlcBar;
import org.marketflow.schemas.kafka.DeadLetters;
import org.marketflow.schemas.kafka.TopicSpec;
import org.marketflow.schemas.kafka.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes simulated records with the suite's {@link NormalizedPublisher}, so the topic holds
 * exactly what the jobs read in production: Avro binary, keyed by instrument, stamped with the
 * exchange time.
 */
public final class TopicLoader {

  private static final Logger LOG = LoggerFactory.getLogger(TopicLoader.class);
  private static final long PROGRESS_EVERY = 1_000_000L;

  /** How long loading took, from the first record generated to the last one acknowledged. */
  public record Load(long records, Duration wall) {
    public double recordsPerSecond() {
      return records / (wall.toNanos() / 1e9);
    }
  }

  private TopicLoader() {}

  /** {@code trades} trades of {@code tape} into {@code topic}. */
  public static Load trades(BenchmarkTopic topic, TradeTape tape, long trades) {
    return load(topic, Topics.TRADES, trades, tape::next, NormalizedPublisher::publish);
  }

  /**
   * {@code updates} book updates of {@code tape} into {@code topic}, laid out as the book topic.
   */
  public static Load books(BenchmarkTopic topic, Supplier<BookUpdate> tape, long updates) {
    return load(topic, Topics.BOOK, updates, tape, NormalizedPublisher::book);
  }

  /**
   * {@code bars} into {@code topic}, laid out as the bars topic, as jobs-ohlc's Kafka sink writes
   * it (key instrument, Kafka timestamp the bucket start).
   */
  public static Load bars(BenchmarkTopic topic, List<OhlcBar> bars) {
    Iterator<OhlcBar> tape = bars.iterator();
    return load(
        topic,
        Topics.BARS,
        bars.size(),
        tape::next,
        (publisher, bar) -> publisher.publish(TopicSpec.BARS, bar));
  }

  private static <R> Load load(
      BenchmarkTopic topic,
      String suiteTopic,
      long records,
      Supplier<R> tape,
      BiConsumer<NormalizedPublisher, R> publish) {
    long start = System.nanoTime();
    try (NormalizedPublisher publisher =
        new NormalizedPublisher(
            topic.bootstrapServers(),
            Map.of(suiteTopic, topic.name(), Topics.DEAD_LETTERS, topic.name()),
            DeadLetters.DEFAULT)) {
      for (long i = 1; i <= records; i++) {
        publish.accept(publisher, tape.get());
        if (i % PROGRESS_EVERY == 0) {
          LOG.info("loaded {} of {} records into {}", i, records, topic.name());
        }
      }
      publisher.flush();
    }
    return new Load(records, Duration.ofNanos(System.nanoTime() - start));
  }
}
