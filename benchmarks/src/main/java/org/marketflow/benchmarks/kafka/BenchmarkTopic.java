package org.marketflow.benchmarks.kafka;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.marketflow.ingest.kafka.TopicAdmin;

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
   * Creates {@code name} the way the suite's tools do ({@link TopicAdmin}): retention off, since
   * the simulated trades are stamped in 2025 and time retention would delete them mid-run, and
   * returning only once every partition is served.
   */
  public static BenchmarkTopic create(String bootstrapServers, String name, int partitions) {
    TopicAdmin.ensureTopics(bootstrapServers, partitions, List.of(name));
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

  /** {@link #endOffsets()}, once they add up to {@code records}: what the load must have left. */
  public Map<TopicPartition, Long> endOffsetsHolding(long records) {
    Map<TopicPartition, Long> endOffsets = endOffsets();
    long inTopic = endOffsets.values().stream().mapToLong(Long::longValue).sum();
    if (inTopic != records) {
      throw new IllegalStateException(
          "the topic " + name + " holds " + inTopic + " records, not " + records);
    }
    return endOffsets;
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
