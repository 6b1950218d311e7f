package org.marketflow.ingest.kafka;

import java.util.Map;
import org.marketflow.schemas.kafka.DeadLetters;
import org.marketflow.schemas.kafka.Topics;
import org.marketflow.testing.junit.KafkaTopic;

/** Publishers to a test's own topics. */
public final class TopicPublishers {

  private TopicPublishers() {}

  /** A publisher writing each kind of normalized record to the given test topic. */
  public static NormalizedPublisher to(
      String bootstrapServers,
      KafkaTopic trades,
      KafkaTopic deadLetters,
      KafkaTopic book,
      KafkaTopic quotes,
      KafkaTopic statuses) {
    return new NormalizedPublisher(
        bootstrapServers,
        Map.of(
            Topics.TRADES, trades.name(),
            Topics.DEAD_LETTERS, deadLetters.name(),
            Topics.BOOK, book.name(),
            Topics.QUOTES, quotes.name(),
            Topics.STATUS, statuses.name()),
        DeadLetters.DEFAULT);
  }
}
