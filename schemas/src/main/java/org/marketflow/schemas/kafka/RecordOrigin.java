package org.marketflow.schemas.kafka;

import java.util.Objects;

/**
 * Where a record was read: a Kafka topic, partition and offset, or a file and line number. Every
 * dead letter names its origin, so the record can be found and replayed.
 *
 * @param source the topic, or {@code file:<name>} for a file
 * @param partition the Kafka partition, {@code null} for a file
 * @param position the Kafka offset, or the 1-based line number in a file
 */
public record RecordOrigin(String source, Integer partition, long position) {

  public RecordOrigin {
    Objects.requireNonNull(source, "source");
  }

  public static RecordOrigin kafka(String topic, int partition, long offset) {
    return new RecordOrigin(topic, partition, offset);
  }

  public static RecordOrigin file(String fileName, long lineNumber) {
    return new RecordOrigin("file:" + fileName, null, lineNumber);
  }
}
