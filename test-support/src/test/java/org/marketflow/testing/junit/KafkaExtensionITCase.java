package org.marketflow.testing.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.List;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.marketflow.testing.servers.EmbeddedKafka;
import org.marketflow.testing.servers.KafkaRoundTrip;

@ExtendWith(KafkaExtension.class)
class KafkaExtensionITCase {

  @Test
  void producesAndConsumesARecord(KafkaTopic trades) throws Exception {
    KafkaRoundTrip.send(trades.bootstrapServers(), trades.name(), "BTCUSD", "64250.5");

    assertThat(KafkaRoundTrip.readFromStart(trades.bootstrapServers(), trades.name(), 1))
        .extracting(ConsumerRecord::key, ConsumerRecord::value)
        .containsExactly(tuple("BTCUSD", "64250.5"));
  }

  @Test
  void createsTopicsWithTheRequestedPartitions(
      EmbeddedKafka kafka, @TopicPartitions(3) KafkaTopic quotes) throws Exception {
    try (Admin admin = Admin.create(kafka.clientProperties())) {
      TopicDescription description =
          admin.describeTopics(List.of(quotes.name())).allTopicNames().get().get(quotes.name());

      assertThat(description.partitions()).hasSize(3);
      assertThat(quotes.partitions()).isEqualTo(3);
    }
  }

  @Test
  void givesEveryTopicParameterATopicOfItsOwn(KafkaTopic first, KafkaTopic second) {
    assertThat(first.name())
        .startsWith("KafkaExtensionITCase-givesEveryTopicParameterATopicOfItsOwn-")
        .isNotEqualTo(second.name());
  }

  @Test
  void sharesOneBrokerPerJvm(EmbeddedKafka kafka) {
    assertThat(kafka).isSameAs(EmbeddedKafka.shared());
    kafka.close(); // ignored on the shared broker
    assertThat(kafka.uniqueTopic("after-close")).startsWith("after-close-");
  }
}
