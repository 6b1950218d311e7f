package org.marketflow.benchmarks.tables;

import java.io.Serializable;
import org.apache.flink.api.common.functions.MapFunction;

/** Row {@code i} of a table's deterministic stream, as the harness's source maps it. */
public final class SyntheticRows<T> implements MapFunction<Long, T> {

  /** Row {@code i} of a stream over {@code instruments} instruments; the same for the same i. */
  public interface Generator<T> extends Serializable {
    T row(long i, int instruments);
  }

  private final Generator<T> generator;
  private final int instruments;

  public SyntheticRows(Generator<T> generator, int instruments) {
    this.generator = generator;
    this.instruments = instruments;
  }

  @Override
  public T map(Long i) {
    return generator.row(i, instruments);
  }
}
