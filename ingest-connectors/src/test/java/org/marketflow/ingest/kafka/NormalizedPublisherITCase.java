package org.marketflow.ingest.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.marketflow.schemas.avro.AvroCodec;
import org.marketflow.schemas.avro.DeadLetter;
import org.marketflow.schemas.kafka.DeadLetters;
import org.marketflow.schemas.kafka.RecordOrigin;
import org.marketflow.schemas.kafka.Topics;
import org.marketflow.testing.junit.KafkaExtension;
import org.marketflow.testing.junit.KafkaTopic;
import org.marketflow.testing.servers.TopicContents;

@ExtendWith(KafkaExtension.class)
class NormalizedPublisherITCase {

  @Test
  void cutsADeadLetterTooLargeForTheTopicInsteadOfFailing(KafkaTopic deadLetters)
      throws IOException {
    byte[] line = new byte[3 * 1024 * 1024]; // a 3 MiB line of a recording
    try (NormalizedPublisher publisher =
        new NormalizedPublisher(
            deadLetters.bootstrapServers(),
            Map.of(Topics.DEAD_LETTERS, deadLetters.name()),
            DeadLetters.DEFAULT)) {
      publisher.publishDeadLetter(
          "ingest.test", "too long", RecordOrigin.file("big.gz", 7), 1_000L, line);
      publisher.flush();
    }

    List<ConsumerRecord<byte[], byte[]>> records =
        TopicContents.readAll(
            deadLetters.bootstrapServers(), deadLetters.name(), Duration.ofSeconds(30));
    assertThat(records).hasSize(1);
    DeadLetter letter = AvroCodec.of(DeadLetter.class).decode(records.get(0).value());
    assertThat(letter.getRawTruncated()).isTrue();
    assertThat(letter.getOriginalSize()).isEqualTo(line.length);
    assertThat(letter.getRaw().remaining()).isEqualTo(DeadLetters.DEFAULT_MAX_RAW_BYTES);
    assertThat(letter.getSourceTopic()).isEqualTo("file:big.gz");
    assertThat(letter.getSourceOffset()).isEqualTo(7L);
    assertThat(records.get(0).timestamp()).isEqualTo(1L);
  }
}
