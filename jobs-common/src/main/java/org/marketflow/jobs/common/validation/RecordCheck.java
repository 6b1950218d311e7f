package org.marketflow.jobs.common.validation;

import java.io.Serializable;

/**
 * Whether a decoded record can be used. Runs in the Kafka source's deserializer, where the raw
 * bytes and the record's position are at hand, so a rejected record's dead letter carries both.
 *
 * @param <T> the record type
 */
@FunctionalInterface
public interface RecordCheck<T> extends Serializable {

  /** Why {@code record} cannot be used, or {@code null} when it can. */
  String problemWith(T record);

  /** Accepts every record. */
  static <T> RecordCheck<T> none() {
    return record -> null;
  }

  /** This check, then {@code next} on the records this one accepts. */
  default RecordCheck<T> and(RecordCheck<T> next) {
    return record -> {
      String problem = problemWith(record);
      return problem != null ? problem : next.problemWith(record);
    };
  }
}
