package org.marketflow.benchmarks.flink;

import org.apache.flink.api.common.accumulators.ListAccumulator;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.types.Row;
import org.apache.flink.util.Collector;

/**
 * Gathers rows into a list accumulator the job result carries back; emits nothing. Only for a
 * handful of rows: the whole list travels to the client.
 */
public final class RowCollector extends ProcessFunction<Row, Void> {

  private final String accumulator;
  private transient ListAccumulator<Row> rows;

  public RowCollector(String accumulator) {
    this.accumulator = accumulator;
  }

  @Override
  public void open(OpenContext openContext) {
    rows = new ListAccumulator<>();
    getRuntimeContext().addAccumulator(accumulator, rows);
  }

  @Override
  public void processElement(Row row, Context ctx, Collector<Void> out) {
    rows.add(row);
  }
}
