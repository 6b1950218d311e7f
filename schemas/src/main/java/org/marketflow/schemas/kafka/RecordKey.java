package org.marketflow.schemas.kafka;

import java.io.Serializable;

/** The Kafka key of a topic's record, as text; serializable so Flink sinks can carry it. */
@FunctionalInterface
public interface RecordKey<T> extends Serializable {
  String of(T record);
}
