package org.marketflow.benchmarks.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import org.marketflow.ingest.simulator.TradeTape;
import org.marketflow.testing.servers.EmbeddedKafka;

class BenchmarkTopicITCase {

  private final EmbeddedKafka kafka = EmbeddedKafka.shared();

  @Test
  void keepsTradesStampedLongAgoWhateverTheirAge() throws Exception {
    BenchmarkTopic topic =
        BenchmarkTopic.create(kafka.bootstrapServers(), kafka.uniqueTopic("bench-retention"), 2);

    Config config = topicConfig(topic.name());
    assertThat(config.get(TopicConfig.RETENTION_MS_CONFIG).value()).isEqualTo("-1");
    assertThat(config.get(TopicConfig.RETENTION_BYTES_CONFIG).value()).isEqualTo("-1");
  }

  @Test
  void endOffsetsCountEveryLoadedTrade() {
    BenchmarkTopic topic =
        BenchmarkTopic.create(kafka.bootstrapServers(), kafka.uniqueTopic("bench-offsets"), 2);
    TradeTape tape = SyntheticMarket.tape(20, 1_000);

    TopicLoader.Load load = TopicLoader.trades(topic, tape, 500);
    Map<TopicPartition, Long> endOffsets = topic.endOffsets();

    assertThat(load.records()).isEqualTo(500);
    assertThat(endOffsets).containsOnlyKeys(topic.topicPartitions());
    assertThat(endOffsets.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(500);
  }

  @Test
  void deleteRemovesTheTopic() throws Exception {
    BenchmarkTopic topic =
        BenchmarkTopic.create(kafka.bootstrapServers(), kafka.uniqueTopic("bench-delete"), 1);

    topic.delete();

    try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
      Set<String> names = admin.listTopics().names().get();
      assertThat(names).doesNotContain(topic.name());
    }
  }

  private Config topicConfig(String name) throws Exception {
    ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, name);
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
      return admin.describeConfigs(List.of(resource)).all().get().get(resource);
    }
  }
}
