package org.marketflow.ingest.kafka;

import static java.util.concurrent.TimeUnit.MILLISECONDS;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Creates the suite's topics when they are missing, so a fresh broker needs no manual set-up, and
 * returns once every partition has a leader: an idempotent producer that starts writing before that
 * gets NOT_LEADER_OR_FOLLOWER on its first batches, and its retries can then be refused as out of
 * sequence.
 *
 * <p>The topics keep their records regardless of age: Kafka's time retention compares against
 * record timestamps, which here are event times, so a replay of last year's trades would otherwise
 * be deleted right after it is written. Production topics set their own (size-based) retention.
 */
public final class TopicAdmin {

  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private TopicAdmin() {}

  public static void ensureTopics(
      String bootstrapServers, int partitions, Collection<String> topics) {
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
      Set<String> existing = admin.listTopics().names().get();
      List<NewTopic> missing =
          topics.stream()
              .filter(t -> !existing.contains(t))
              .distinct()
              .map(
                  t ->
                      new NewTopic(t, partitions, (short) 1)
                          .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1")))
              .toList();
      if (!missing.isEmpty()) {
        try {
          admin.createTopics(missing).all().get();
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof TopicExistsException)) {
            throw e;
          }
        }
        awaitServing(admin, missing);
      }
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("could not create topics " + topics, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating topics", e);
    }
  }

  /**
   * Metadata may name a leader before that broker serves the partition; listing offsets succeeds
   * only once it does. The admin client retries a missing leader itself, but fails at once on a
   * topic its broker does not know yet, so that case is asked again here.
   */
  private static void awaitServing(Admin admin, List<NewTopic> created)
      throws InterruptedException, ExecutionException, TimeoutException {
    Map<TopicPartition, OffsetSpec> partitions = new HashMap<>();
    for (NewTopic topic : created) {
      for (int p = 0; p < topic.numPartitions(); p++) {
        partitions.put(new TopicPartition(topic.name(), p), OffsetSpec.latest());
      }
    }
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (true) {
      try {
        admin.listOffsets(partitions).all().get(TIMEOUT.toMillis(), MILLISECONDS);
        return;
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof UnknownTopicOrPartitionException)
            || System.nanoTime() > deadline) {
          throw e;
        }
      }
      // The topic reaches the broker's metadata within milliseconds; there is nothing to wait on.
      MILLISECONDS.sleep(20);
    }
  }
}
