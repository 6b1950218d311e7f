package org.marketflow.benchmarks.kafka;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;

/** The topic the trades are loaded into, created fresh and deleted after the run. */
public final class BenchmarkTopic {

  private final String bootstrapServers;
  private final String name;
  private final int partitions;

  private BenchmarkTopic(String bootstrapServers, String name, int partitions) {
    this.bootstrapServers = bootstrapServers;
    this.name = name;
    this.partitions = partitions;
  }

  /**
   * Creates {@code name} with time and size retention off: the simulated trades are stamped in
   * 2025, and the broker's retention check would otherwise delete them in the middle of a run.
   */
  public static BenchmarkTopic create(String bootstrapServers, String name, int partitions) {
    NewTopic topic =
        new NewTopic(name, partitions, (short) 1)
            .configs(
                Map.of(
                    TopicConfig.RETENTION_MS_CONFIG,
                    "-1",
                    TopicConfig.RETENTION_BYTES_CONFIG,
                    "-1"));
    try (Admin admin = admin(bootstrapServers)) {
      admin.createTopics(List.of(topic)).all().get();
    } catch (ExecutionException e) {
      throw new IllegalStateException("could not create topic " + name, e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating topic " + name, e);
    }
    return new BenchmarkTopic(bootstrapServers, name, partitions);
  }

  public String name() {
    return name;
  }

  public int partitions() {
    return partitions;
  }

  public String bootstrapServers() {
    return bootstrapServers;
  }

  public List<TopicPartition> topicPartitions() {
    return IntStream.range(0, partitions).mapToObj(p -> new TopicPartition(name, p)).toList();
  }

  /** The end offset of each partition now: where every measurement stops reading. */
  public Map<TopicPartition, Long> endOffsets() {
    Map<TopicPartition, OffsetSpec> latest =
        topicPartitions().stream().collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
    try (Admin admin = admin(bootstrapServers)) {
      Map<TopicPartition, ListOffsetsResultInfo> offsets = admin.listOffsets(latest).all().get();
      return offsets.entrySet().stream()
          .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    } catch (ExecutionException e) {
      throw new IllegalStateException("could not list the end offsets of " + name, e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while listing offsets of " + name, e);
    }
  }

  public void delete() {
    try (Admin admin = admin(bootstrapServers)) {
      admin.deleteTopics(List.of(name)).all().get();
    } catch (ExecutionException e) {
      throw new IllegalStateException("could not delete topic " + name, e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while deleting topic " + name, e);
    }
  }

  private static Admin admin(String bootstrapServers) {
    return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
  }
}
