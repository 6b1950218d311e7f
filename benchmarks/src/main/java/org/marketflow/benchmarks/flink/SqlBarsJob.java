package org.marketflow.benchmarks.flink;

import java.util.List;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.table.api.config.ExecutionConfigOptions;
import org.apache.flink.table.api.config.TableConfigOptions;
import org.apache.flink.types.Row;
import org.marketflow.jobs.common.options.JobOptions;
import org.marketflow.schemas.bars.BarInterval;

/**
 * (c) and (e) the same bars from Flink SQL ({@link BarQueries#of}) over the Kafka table, into the
 * same counting sink as the DataStream job. The planner's operators get no uids; nothing here is
 * ever restored from a savepoint.
 */
public final class SqlBarsJob {

  static final String BARS = "sql.bars";

  private SqlBarsJob() {}

  public static BarsRun run(
      LocalFlinkCluster cluster, KafkaTopicSource source, List<BarInterval> intervals)
      throws Exception {
    StreamExecutionEnvironment env = cluster.environment();
    CountingSink.attach(
        bars(env, source, intervals), BARS, new SqlBarTradeCount(), "bench-sql-bars", "Count bars");

    LocalFlinkCluster.Execution execution =
        cluster.execute(env, "bench-sql-ohlc-" + DataStreamBarsJob.codes(intervals));
    return new BarsRun(
        execution.wall(),
        CountingSink.records(execution.result(), BARS),
        CountingSink.trades(execution.result(), BARS),
        0L);
  }

  /** Adds the table and the query of {@code intervals}' bars to {@code env}: its rows. */
  static DataStream<Row> bars(
      StreamExecutionEnvironment env, KafkaTopicSource source, List<BarInterval> intervals) {
    StreamTableEnvironment tables = tableEnvironment(env);
    tables.executeSql(TradesTable.createTable(source, false));
    return tables.toDataStream(tables.sqlQuery(BarQueries.of(intervals)));
  }

  /**
   * A table environment whose windows align to the epoch in UTC, as the DataStream job's do, and
   * whose idle partitions stop holding the watermark back after the job's idleness.
   */
  static StreamTableEnvironment tableEnvironment(StreamExecutionEnvironment env) {
    StreamTableEnvironment tables =
        StreamTableEnvironment.create(env, EnvironmentSettings.inStreamingMode());
    tables.getConfig().set(TableConfigOptions.LOCAL_TIME_ZONE, "UTC");
    tables
        .getConfig()
        .set(
            ExecutionConfigOptions.TABLE_EXEC_SOURCE_IDLE_TIMEOUT,
            JobOptions.IDLENESS.defaultValue());
    return tables;
  }
}
