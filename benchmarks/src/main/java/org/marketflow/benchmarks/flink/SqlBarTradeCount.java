package org.marketflow.benchmarks.flink;

import org.apache.flink.types.Row;

/** The {@code trade_count} of a row of {@link BarQueries}. */
public final class SqlBarTradeCount implements TradeCount<Row> {

  @Override
  public long of(Row bar) {
    Long count = bar.getFieldAs("trade_count");
    return count;
  }
}
