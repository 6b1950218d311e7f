package org.marketflow.ingest.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;

class NormalizedPublisherTest {

  @Test
  void theDefaultLingerIsFiveMilliseconds() {
    assertThat(NormalizedPublisher.producerConfig("broker:9092"))
        .containsEntry(ProducerConfig.LINGER_MS_CONFIG, 5)
        .containsEntry(ProducerConfig.ACKS_CONFIG, "all")
        .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
  }

  @Test
  void aLiveFeedCanPublishWithoutLingering() {
    assertThat(NormalizedPublisher.producerConfig("broker:9092", Duration.ZERO))
        .containsEntry(ProducerConfig.LINGER_MS_CONFIG, 0)
        .containsEntry(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
  }

  @Test
  void aLingerKafkaCannotTakeIsRefused() {
    assertThatThrownBy(() -> NormalizedPublisher.producerConfig("b:1", Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("PT-0.001S");
    assertThatThrownBy(() -> NormalizedPublisher.producerConfig("b:1", Duration.ofNanos(500_000)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("whole milliseconds");
  }
}
