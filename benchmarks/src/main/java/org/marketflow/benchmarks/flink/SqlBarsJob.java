package org.marketflow.benchmarks.flink;

import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.table.api.config.ExecutionConfigOptions;
import org.apache.flink.table.api.config.TableConfigOptions;
import org.marketflow.jobs.common.options.JobOptions;

/**
 * (c) the same bars from Flink SQL: {@link TradesTable#ONE_MINUTE_BARS} over the Kafka table, into
 * the same counting sink as the DataStream job. The planner's operators get no uids; nothing here
 * is ever restored from a savepoint.
 */
public final class SqlBarsJob {

  static final String BARS = "sql.bars";

  private SqlBarsJob() {}

  public static BarsRun run(LocalFlinkCluster cluster, KafkaTopicSource source) throws Exception {
    StreamExecutionEnvironment env = cluster.environment();
    StreamTableEnvironment tables = tableEnvironment(env);
    tables.executeSql(TradesTable.createTable(source, false));
    Table bars = tables.sqlQuery(TradesTable.ONE_MINUTE_BARS);
    CountingSink.attach(
        tables.toDataStream(bars), BARS, new SqlBarTradeCount(), "bench-sql-bars", "Count bars");

    LocalFlinkCluster.Execution execution = cluster.execute(env, "bench-sql-ohlc-1m");
    return new BarsRun(
        execution.wall(),
        CountingSink.records(execution.result(), BARS),
        CountingSink.trades(execution.result(), BARS),
        0L);
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
