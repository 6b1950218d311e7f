package org.marketflow.benchmarks.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class RawTopicReaderTest {

  private static final Map<TopicPartition, Long> THREE_PARTITIONS =
      Map.of(tp(2), 10L, tp(0), 10L, tp(1), 10L);

  private static TopicPartition tp(int partition) {
    return new TopicPartition("trades", partition);
  }

  @Test
  void spreadsPartitionsOverConsumersRoundRobin() {
    assertThat(RawTopicReader.assignRoundRobin(THREE_PARTITIONS, 2))
        .containsExactly(List.of(tp(0), tp(2)), List.of(tp(1)));
  }

  @Test
  void startsNoMoreConsumersThanThereArePartitions() {
    assertThat(RawTopicReader.assignRoundRobin(THREE_PARTITIONS, 8))
        .containsExactly(List.of(tp(0)), List.of(tp(1)), List.of(tp(2)));
  }
}
