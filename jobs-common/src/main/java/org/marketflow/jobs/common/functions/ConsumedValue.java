package org.marketflow.jobs.common.functions;

import org.apache.flink.api.common.functions.MapFunction;
import org.marketflow.jobs.common.records.Consumed;

/**
 * The value of an accepted record (dead letters are routed away before, {@link AcceptedValues}).
 */
public class ConsumedValue<T> implements MapFunction<Consumed<T>, T> {

  @Override
  public T map(Consumed<T> consumed) {
    return consumed.value;
  }
}
