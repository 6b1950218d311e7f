package org.marketflow.jobs.common.jdbc;

import java.time.Duration;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.jdbc.JdbcConnectionOptions;
import org.apache.flink.connector.jdbc.JdbcExecutionOptions;
import org.apache.flink.connector.jdbc.JdbcStatementBuilder;
import org.apache.flink.connector.jdbc.core.datastream.sink.JdbcSink;
import org.apache.flink.util.Preconditions;
import org.marketflow.jobs.common.options.Backtest;
import org.marketflow.jobs.common.options.JobOptions;
import org.marketflow.schemas.db.TableSpec;

/**
 * Rows into a PostgreSQL table with Flink's JDBC connector: batched, flushed on every checkpoint,
 * and idempotent through {@link TableSpec#upsert} (or {@link TableSpec#insertIfAbsent} for rows
 * that never change, {@link #ifAbsent}), so at-least-once delivery leaves the table exactly as one
 * uninterrupted run would.
 *
 * <pre>{@code
 * JdbcSink<OhlcBar> sink = JdbcUpsertSink.builder(Tables.OHLC_BARS, new OhlcBarStatement())
 *     .guard("ohlc_bars.revision <= EXCLUDED.revision")
 *     .fromOptions(config)
 *     .buildAtLeastOnce();
 * }</pre>
 */
public final class JdbcUpsertSink<T> {

  static final int MAX_RETRIES = 5;

  private final TableSpec table;
  private final JdbcStatementBuilder<T> statement;
  private String guard;
  private boolean ifAbsent;
  private String url;
  private String user;
  private String password;
  private int batchSize = JobOptions.JDBC_BATCH_SIZE.defaultValue();
  private Duration batchInterval = JobOptions.JDBC_BATCH_INTERVAL.defaultValue();

  private JdbcUpsertSink(TableSpec table, JdbcStatementBuilder<T> statement) {
    this.table = Preconditions.checkNotNull(table, "table");
    this.statement = Preconditions.checkNotNull(statement, "statement");
  }

  /**
   * @param statement binds a record to the columns of {@code table}, in their order
   */
  public static <T> JdbcUpsertSink<T> builder(TableSpec table, JdbcStatementBuilder<T> statement) {
    return new JdbcUpsertSink<>(table, statement);
  }

  /** Overwrite a stored row only where {@code guard} holds (see {@link TableSpec#upsert}). */
  public JdbcUpsertSink<T> guard(String condition) {
    this.guard = condition;
    return this;
  }

  /**
   * Insert only rows whose key is not stored yet and leave stored rows as they are ({@link
   * TableSpec#insertIfAbsent}): for rows that never change once written, where a replay then writes
   * nothing.
   */
  public JdbcUpsertSink<T> ifAbsent() {
    this.ifAbsent = true;
    return this;
  }

  public JdbcUpsertSink<T> connection(String jdbcUrl, String jdbcUser, String jdbcPassword) {
    this.url = jdbcUrl;
    this.user = jdbcUser;
    this.password = jdbcPassword;
    return this;
  }

  public JdbcUpsertSink<T> batch(int size, Duration interval) {
    this.batchSize = size;
    this.batchInterval = interval;
    return this;
  }

  /**
   * Connection and batching from a job's {@code jdbc.*} options; in a {@link Backtest}, the
   * connection's search path is the backtest's schema.
   */
  public JdbcUpsertSink<T> fromOptions(Configuration config) {
    return connection(
            Backtest.jdbcUrl(config),
            config.get(JobOptions.JDBC_USER),
            config.get(JobOptions.JDBC_PASSWORD))
        .batch(config.get(JobOptions.JDBC_BATCH_SIZE), config.get(JobOptions.JDBC_BATCH_INTERVAL));
  }

  /** The statement the sink runs for every row. */
  public String sql() {
    return ifAbsent ? table.insertIfAbsent() : table.upsert(guard);
  }

  /**
   * @throws IllegalArgumentException without a PostgreSQL URL, with a batch size below 1, or with a
   *     guard on an insert that never overwrites
   */
  public JdbcSink<T> buildAtLeastOnce() {
    Preconditions.checkArgument(
        !(ifAbsent && guard != null),
        "the sink of %s inserts only absent rows: a guard on overwriting (%s) cannot apply",
        table.name(),
        guard);
    Preconditions.checkArgument(
        url != null && url.startsWith("jdbc:postgresql:"),
        "the sink of %s needs a jdbc:postgresql: URL, not %s",
        table.name(),
        url);
    Preconditions.checkArgument(
        batchSize >= 1, "jdbc batch size must be at least 1, not %s", batchSize);
    Preconditions.checkArgument(
        !batchInterval.isNegative(), "jdbc batch interval must not be negative");
    return JdbcSink.<T>builder()
        .withQueryStatement(sql(), statement)
        .withExecutionOptions(
            JdbcExecutionOptions.builder()
                .withBatchSize(batchSize)
                .withBatchIntervalMs(batchInterval.toMillis())
                .withMaxRetries(MAX_RETRIES)
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
