package org.marketflow.benchmarks.tables;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.marketflow.benchmarks.flink.LocalFlinkCluster;
import org.marketflow.jobs.common.JobRunner;
import org.marketflow.jobs.common.jdbc.JdbcUpsertSink;
import org.marketflow.jobs.common.options.JobOptions;
import org.marketflow.jobs.microstructure.sinks.MarketTickStatement;
import org.marketflow.schemas.avro.MarketTick;
import org.marketflow.schemas.db.DatabaseMigrations;
import org.marketflow.schemas.db.Tables;
import org.marketflow.testing.servers.LocalPostgres;
import org.marketflow.testing.servers.PostgresDatabase;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * How many ticks a second jobs-microstructure's {@code market_ticks} sink holds into the local
 * PostgreSQL, beside the ceiling (the same rows by {@code COPY}, one connection): (a) COPY into the
 * empty table, (b) the job's sink (Flink's JDBC connector, {@code jdbc.batch-size} upserts a batch,
 * parallelism 2) into the empty table, (c) the same sink again over the same rows, as a replay does
 * (every row an update). A fresh migrated database for the run, dropped at the end.
 */
public final class TickTableRunner {

  /** One run of the three measurements. */
  public record Run(Duration copy, Duration insert, Duration replay) {}

  /** The runs, and the rows the table held after each measurement of the first. */
  public record Result(long ticks, int parallelism, int batchSize, List<Run> runs, long rows) {}

  private final long ticks;
  private final int instruments;
  private final int parallelism;
  private final int runs;

  public TickTableRunner(long ticks, int instruments, int parallelism, int runs) {
    this.ticks = ticks;
    this.instruments = instruments;
    this.parallelism = parallelism;
    this.runs = runs;
  }

  public Result run() throws Exception {
    Configuration defaults = new Configuration();
    int batchSize = defaults.get(JobOptions.JDBC_BATCH_SIZE);
    Duration batchInterval = defaults.get(JobOptions.JDBC_BATCH_INTERVAL);
    try (PostgresDatabase database = LocalPostgres.shared().createDatabase("bench_ticks");
        LocalFlinkCluster flink = LocalFlinkCluster.start(parallelism)) {
      DatabaseMigrations.migrate(database.jdbcUrl(), database.user(), database.password());
      List<Run> measured = new ArrayList<>();
      long rows = -1;
      for (int run = 1; run <= runs; run++) {
        truncate(database);
        Duration copy = timed(() -> copy(database));
        long copied = count(database);
        truncate(database);
        Duration insert = timed(() -> sink(flink, database, batchSize, batchInterval));
        long inserted = count(database);
        Duration replay = timed(() -> sink(flink, database, batchSize, batchInterval));
        long replayed = count(database);
        if (copied != ticks || inserted != ticks || replayed != ticks) {
          throw new IllegalStateException(
              "expected " + ticks + " rows, found " + copied + ", " + inserted + ", " + replayed);
        }
        rows = replayed;
        measured.add(new Run(copy, insert, replay));
      }
      return new Result(ticks, parallelism, batchSize, measured, rows);
    }
  }

  private void sink(
      LocalFlinkCluster flink, PostgresDatabase database, int batchSize, Duration interval)
      throws Exception {
    StreamExecutionEnvironment env = flink.environment();
    JobRunner.configureRecords(env);
    env.fromSequence(0, ticks - 1)
        .map(new SyntheticTicks(instruments), TypeInformation.of(MarketTick.class))
        .sinkTo(
            JdbcUpsertSink.builder(Tables.MARKET_TICKS, new MarketTickStatement())
                .connection(database.jdbcUrl(), database.user(), database.password())
                .batch(batchSize, interval)
                .buildAtLeastOnce());
    flink.execute(env, "bench-market-ticks-sink");
  }

  /** The same rows as CSV through one connection's COPY. */
  private void copy(PostgresDatabase database) throws SQLException, IOException {
    try (Connection connection = database.connect()) {
      CopyIn copy =
          connection
              .unwrap(PGConnection.class)
              .getCopyAPI()
              .copyIn(
                  "COPY market_ticks ("
                      + Tables.MARKET_TICKS.columnList()
                      + ") FROM STDIN WITH (FORMAT csv)");
      StringBuilder chunk = new StringBuilder(1 << 20);
      for (long i = 0; i < ticks; i++) {
        csv(chunk, SyntheticTicks.tick(i, instruments));
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

  /** A tick as a CSV line in {@code Tables.MARKET_TICKS}'s column order. */
  private static void csv(StringBuilder out, MarketTick tick) {
    long us = tick.getExchangeTimeUs();
    for (String column : Tables.MARKET_TICKS.columns()) {
      Object value =
          switch (column) {
            case "timestamp" -> Instant.ofEpochSecond(us / 1_000_000L, us % 1_000_000L * 1_000L);
            case "asset_id" -> tick.getInstrument();
            case "bid" -> tick.getBid();
            case "ask" -> tick.getAsk();
            case "last_price" -> tick.getLastPrice();
            case "volume" -> tick.getVolume();
            case "sequence_number" -> tick.getSequence();
            case "latency_us" -> tick.getLatencyUs();
            case "exchange" -> tick.getVenue();
            case "tick_index" -> tick.getTickIndex();
            case "tick_source" -> tick.getSource();
            case "bid_size" -> tick.getBidSize();
            case "ask_size" -> tick.getAskSize();
            case "last_size" -> tick.getLastSize();
            default -> throw new IllegalStateException("no CSV value for column " + column);
          };
      if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
        out.append(',');
      }
      out.append(value == null ? "" : value);
    }
    out.append('\n');
  }

  private static void truncate(PostgresDatabase database) throws SQLException {
    try (Connection connection = database.connect();
        Statement statement = connection.createStatement()) {
      statement.execute("TRUNCATE market_ticks");
    }
  }

  private static long count(PostgresDatabase database) throws SQLException {
    try (Connection connection = database.connect();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT count(*) FROM market_ticks")) {
      rows.next();
      return rows.getLong(1);
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
