package org.marketflow.benchmarks.flink;

import java.util.List;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;
import org.marketflow.schemas.avro.OhlcBar;
import org.marketflow.schemas.bars.BarInterval;

/**
 * After the measurements, outside their time: runs the job's computation ({@link
 * DataStreamBarsJob#finalBars}) and the SQL query of the same intervals once more, each into a
 * collecting sink that streams its bars back to this client as they come, and compares them with
 * {@link BarComparison}. The collecting sinks get no uids; nothing here is ever restored from a
 * savepoint.
 */
public final class BarsFieldCheck {

  private BarsFieldCheck() {}

  /**
   * @param trades the trades in the topic, which each interval's bars must hold
   */
  public static BarComparison.Result run(
      LocalFlinkCluster cluster,
      KafkaTopicSource jobSource,
      KafkaTopicSource sqlSource,
      List<BarInterval> intervals,
      long trades)
      throws Exception {
    BarComparison comparison = new BarComparison(intervals, trades);
    String codes = DataStreamBarsJob.codes(intervals);

    StreamExecutionEnvironment jobEnv = cluster.environment();
    try (CloseableIterator<OhlcBar> bars =
        DataStreamBarsJob.finalBars(jobEnv, jobSource, intervals)
            .bars()
            .executeAndCollect("bench-check-datastream-ohlc-" + codes)) {
      bars.forEachRemaining(bar -> comparison.addJob(BarFields.of(bar)));
    }

    StreamExecutionEnvironment sqlEnv = cluster.environment();
    try (CloseableIterator<Row> rows =
        SqlBarsJob.bars(sqlEnv, sqlSource, intervals)
            .executeAndCollect("bench-check-sql-ohlc-" + codes)) {
      rows.forEachRemaining(row -> comparison.addSql(BarFields.of(row)));
    }
    return comparison.result();
  }
}
