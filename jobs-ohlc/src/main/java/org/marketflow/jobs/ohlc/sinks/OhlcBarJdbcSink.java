package org.marketflow.jobs.ohlc.sinks;

import java.time.Duration;
import org.apache.flink.connector.jdbc.JdbcConnectionOptions;
import org.apache.flink.connector.jdbc.JdbcExecutionOptions;
import org.apache.flink.connector.jdbc.core.datastream.sink.JdbcSink;
import org.marketflow.schemas.avro.OhlcBar;

/**
 * Bars into PostgreSQL with Flink's JDBC connector: batched, flushed on every checkpoint, and
 * idempotent through {@link OhlcBarStatement#UPSERT}, so at-least-once delivery leaves the table
 * exactly as one uninterrupted run would.
 */
public final class OhlcBarJdbcSink {

  private OhlcBarJdbcSink() {}

  public static JdbcSink<OhlcBar> buildAtLeastOnce(
      String url, String user, String password, int batchSize, Duration batchInterval) {
    return JdbcSink.<OhlcBar>builder()
        .withQueryStatement(OhlcBarStatement.UPSERT, new OhlcBarStatement())
        .withExecutionOptions(
            JdbcExecutionOptions.builder()
                .withBatchSize(batchSize)
                .withBatchIntervalMs(batchInterval.toMillis())
                .withMaxRetries(5)
                .build())
        .buildAtLeastOnce(
            new JdbcConnectionOptions.JdbcConnectionOptionsBuilder()
                .withUrl(url)
                .withDriverName("org.postgresql.Driver")
                .withUsername(user)
                .withPassword(password)
                .build());
  }
}
