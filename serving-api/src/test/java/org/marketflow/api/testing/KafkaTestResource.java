package org.marketflow.api.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import org.marketflow.testing.servers.EmbeddedKafka;

/**
 * The test JVM's in-process Kafka broker as the live feed's cluster, with topics of this run's own
 * for the three channels (one partition each, so a record produced after another on the same topic
 * arrives after it); the test gets their names in its {@link LiveKafka} field. The queue capacity
 * is small, so that a slow client is found quickly.
 */
public class KafkaTestResource implements QuarkusTestResourceLifecycleManager {

  /** Queue capacity of the service under test. */
  public static final int QUEUE_CAPACITY = 64;

  private String coordinates;

  @Override
  public Map<String, String> start() {
    EmbeddedKafka kafka = EmbeddedKafka.shared();
    String trades = kafka.uniqueTopic("live-trades");
    String books = kafka.uniqueTopic("live-books");
    String statistics = kafka.uniqueTopic("live-stats");
    kafka.createTopic(trades, 1);
    kafka.createTopic(books, 1);
    kafka.createTopic(statistics, 1);
    coordinates = String.join(" ", kafka.bootstrapServers(), trades, books, statistics);
    return Map.of(
        "marketflow.live.kafka.bootstrap-servers", kafka.bootstrapServers(),
        "marketflow.live.kafka.topics.trades", trades,
        "marketflow.live.kafka.topics.orderbook", books,
        "marketflow.live.kafka.topics.statistics", statistics,
        "marketflow.live.queue-capacity", Integer.toString(QUEUE_CAPACITY));
  }

  @Override
  public void inject(TestInjector testInjector) {
    testInjector.injectIntoFields(
        coordinates, new TestInjector.AnnotatedAndMatchesType(LiveKafka.class, String.class));
  }

  @Override
  public void stop() {
    // The broker is shared by the JVM and stops with it; the topics are unique to this run.
  }
}
