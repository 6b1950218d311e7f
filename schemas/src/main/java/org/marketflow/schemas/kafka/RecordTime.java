package org.marketflow.schemas.kafka;

import java.io.Serializable;

/** A time field of a topic's record, epoch microseconds UTC; serializable, and unboxed. */
@FunctionalInterface
public interface RecordTime<T> extends Serializable {
  long micros(T record);
}
