package org.marketflow.benchmarks.tables;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.marketflow.benchmarks.flink.LocalFlinkCluster;
import org.marketflow.jobs.common.JobRunner;
import org.marketflow.jobs.common.options.JobConfigBuilder;
import org.marketflow.jobs.common.options.JobOptions;
import org.marketflow.schemas.db.DatabaseMigrations;
import org.marketflow.testing.servers.LocalPostgres;
import org.marketflow.testing.servers.PostgresDatabase;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * How many rows a second a job's sink of one table holds into the local PostgreSQL, beside the
 * ceiling (the same rows by {@code COPY}, one connection): (a) COPY into the empty table, (b) the
 * job's sink (Flink's JDBC connector, {@code jdbc.batch-size} rows a batch, parallelism 2) into the
 * empty table, (c) the same sink again over the same rows, as a replay does (every row already
 * stored). A fresh migrated database for the run, dropped at the end.
 */
public final class TableSinkRunner<T> {

  /** One run of the three measurements. */
  public record Run(Duration copy, Duration insert, Duration replay) {}

  /**
   * The runs, and the rows the table held after each measurement: the same rows after COPY, the
   * sink and the replay, in every run.
   */
  public record Result(
      SinkTable<?> table, long count, int parallelism, int batchSize, List<Run> runs, long rows) {}

  private final SinkTable<T> table;
  private final long count;
  private final int instruments;
  private final int parallelism;
  private final int runs;

  /**
   * @param count rows written by each measurement
   */
  public TableSinkRunner(
      SinkTable<T> table, long count, int instruments, int parallelism, int runs) {
    this.table = table;
    this.count = count;
    this.instruments = instruments;
    this.parallelism = parallelism;
    this.runs = runs;
  }

  public Result run() throws Exception {
    int batchSize = new Configuration().get(JobOptions.JDBC_BATCH_SIZE);
    try (PostgresDatabase database =
            LocalPostgres.shared().createDatabase("bench_" + table.name());
        LocalFlinkCluster flink = LocalFlinkCluster.start(parallelism)) {
      DatabaseMigrations.migrate(database.jdbcUrl(), database.user(), database.password());
      List<Run> measured = new ArrayList<>();
      long rows = -1;
      for (int run = 1; run <= runs; run++) {
        truncate(database);
        Duration copy = timed(() -> copy(database));
        Contents copied = contents(database);
        truncate(database);
        Duration insert = timed(() -> sink(flink, database));
        Contents inserted = contents(database);
        Duration replay = timed(() -> sink(flink, database));
        Contents replayed = contents(database);
        if (copied.rows() != count || !inserted.equals(copied) || !replayed.equals(copied)) {
          throw new IllegalStateException(
              "expected the same "
                  + count
                  + " rows after COPY, the sink and the replay, found "
                  + copied
                  + ", "
                  + inserted
                  + ", "
                  + replayed);
        }
        rows = replayed.rows();
        measured.add(new Run(copy, insert, replay));
      }
      return new Result(table, count, parallelism, batchSize, measured, rows);
    }
  }

  /** The job's sink with the job's default batches, fed by a source of the same rows. */
  private void sink(LocalFlinkCluster flink, PostgresDatabase database) throws Exception {
    StreamExecutionEnvironment env = flink.environment();
    JobRunner.configureRecords(env);
    Configuration config =
        JobConfigBuilder.defaults()
            .jdbc(database.jdbcUrl(), database.user(), database.password())
            .build();
    table
        .sink()
        .addTo(
            env.fromSequence(0, count - 1)
                .map(
                    new SyntheticRows<>(table.rows(), instruments),
                    TypeInformation.of(table.type())),
            config);
    flink.execute(env, "bench-" + table.name() + "-sink");
  }

  /** The same rows as CSV through one connection's COPY. */
  private void copy(PostgresDatabase database) throws SQLException, IOException {
    CsvRows<T> csv = new CsvRows<>(table.spec(), table.statement());
    try (Connection connection = database.connect()) {
      CopyIn copy =
          connection
              .unwrap(PGConnection.class)
              .getCopyAPI()
              .copyIn(
                  "COPY "
                      + table.name()
                      + " ("
                      + table.spec().columnList()
                      + ") FROM STDIN WITH (FORMAT csv)");
      StringBuilder chunk = new StringBuilder(1 << 20);
      for (long i = 0; i < count; i++) {
        csv.append(chunk, table.rows().row(i, instruments));
        if (chunk.length() > (1 << 20) - 512) {
          byte[] bytes = chunk.toString().getBytes(StandardCharsets.UTF_8);
          copy.writeToCopy(bytes, 0, bytes.length);
          chunk.setLength(0);
        }
      }
      byte[] bytes = chunk.toString().getBytes(StandardCharsets.UTF_8);
      copy.writeToCopy(bytes, 0, bytes.length);
      copy.endCopy();
    }
  }

  private void truncate(PostgresDatabase database) throws SQLException {
    try (Connection connection = database.connect();
        Statement statement = connection.createStatement()) {
      statement.execute("TRUNCATE " + table.name());
    }
  }

  /** What the table holds: how many rows, and the MD5 of them all as text, in key order. */
  private record Contents(long rows, String md5) {}

  private Contents contents(PostgresDatabase database) throws SQLException {
    try (Connection connection = database.connect();
        Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT count(*), md5(coalesce(string_agg(t::text, E'\\n' ORDER BY "
                    + String.join(", ", table.spec().keyColumns())
                    + "), '')) FROM "
                    + table.name()
                    + " t")) {
      rows.next();
      return new Contents(rows.getLong(1), rows.getString(2));
    }
  }

  private interface Step {
    void run() throws Exception;
  }

  private static Duration timed(Step step) throws Exception {
    long start = System.nanoTime();
    step.run();
    return Duration.ofNanos(System.nanoTime() - start);
  }
}
