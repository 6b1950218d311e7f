package org.marketflow.ingest.kafka;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

/**
 * Creates the suite's topics when they are missing, so a fresh broker needs no manual set-up. They
 * keep their records regardless of age: Kafka's time retention compares against record timestamps,
 * which here are event times, so a replay of last year's trades would otherwise be deleted right
 * after it is written. Production topics set their own (size-based) retention.
 */
public final class TopicAdmin {

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
        admin.createTopics(missing).all().get();
      }
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException)) {
        throw new IllegalStateException("could not create topics " + topics, e.getCause());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating topics", e);
    }
  }
}
