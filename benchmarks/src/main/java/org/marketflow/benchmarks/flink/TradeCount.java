package org.marketflow.benchmarks.flink;

import java.io.Serializable;

/** How many trades a record stands for, whichever record type a job produces. */
@FunctionalInterface
public interface TradeCount<T> extends Serializable {

  long of(T record);

  /** For records that stand for one trade each, such as dead letters. */
  static <T> TradeCount<T> one() {
    return record -> 1L;
  }
}
