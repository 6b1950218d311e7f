package org.marketflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.marketflow.ingest.kafka.NormalizedPublisher;
import org.marketflow.ingest.replay.Pacer;
import org.marketflow.ingest.replay.Replay;
import org.marketflow.jobs.common.JobRunner;
import org.marketflow.jobs.common.options.JobConfigBuilder;
import org.marketflow.jobs.common.options.JobOptions;
import org.marketflow.jobs.ohlc.OhlcJob;
import org.marketflow.jobs.ohlc.OhlcOptions;
import org.marketflow.migrate.MigrateCommand;
import org.marketflow.testing.data.OhlcBarRows;
import org.marketflow.testing.data.SharedData;
import org.marketflow.testing.junit.FlinkMiniCluster;
import org.marketflow.testing.servers.EmbeddedKafka;
import org.marketflow.testing.servers.LocalPostgres;
import org.marketflow.testing.servers.PostgresDatabase;

/**
 * A backtest reproduces the live run: jobs-ohlc runs live over a recording, then as a backtest over
 * a sub-range aligned to minutes; the backtest's own tables hold, row by row and revisions aside,
 * the live bars of that range, and the live tables are untouched.
 */
class BacktestITCase {

  @RegisterExtension static final MiniClusterExtension FLINK = FlinkMiniCluster.extension();

  // The recording runs from 23:54:14 to 23:59:59 on 2024-08-08.
  private static final Instant FROM = Instant.parse("2024-08-08T23:55:00Z");
  private static final Instant TO = Instant.parse("2024-08-08T23:58:00Z");

  /** The intervals whose bars the range holds whole: it starts and ends on their boundaries. */
  private static final Set<String> WHOLE = Set.of("1s", "1m");

  @Test
  void aBacktestOverASubRangeGivesTheLiveBarsOfThatRange() throws Exception {
    Path recording = SharedData.file("binance-hftbacktest/spot_btcusdt_20240808.gz");
    EmbeddedKafka kafka = EmbeddedKafka.shared();
    String trades = kafka.uniqueTopic("trades");
    String bars = kafka.uniqueTopic("bars");
    String deadLetters = kafka.uniqueTopic("dead-letters");
    kafka.createTopic(trades, 2);
    try (NormalizedPublisher publisher =
        new NormalizedPublisher(kafka.bootstrapServers(), trades, deadLetters)) {
      new Replay(publisher, Pacer.asFastAsPossible()).replay(recording);
    }
    try (PostgresDatabase db = LocalPostgres.shared().createDatabase("backtest")) {
      String[] connection = {
        "--jdbc-url", db.jdbcUrl(), "--user", db.user(), "--password", db.password()
      };
      assertThat(MigrateCommand.run(connection)).isZero();
      JobRunner.execute(
          new OhlcJob(),
          JobConfigBuilder.bounded(kafka.bootstrapServers(), "live-" + trades)
              .jdbc(db.jdbcUrl(), db.user(), db.password())
              .set(OhlcOptions.TRADES_TOPIC, trades)
              .set(OhlcOptions.BARS_TOPIC, bars)
              .set(JobOptions.DEAD_LETTERS_TOPIC, deadLetters)
              .build());
      List<OhlcBarRows.Row> live = rows(db, "public");

      assertThat(MigrateCommand.run(concat(connection, "--backtest", "sub"))).isZero();
      Configuration backtest =
          JobConfigBuilder.backtest(kafka.bootstrapServers(), "live-" + trades, "sub", FROM, TO)
              .jdbc(db.jdbcUrl(), db.user(), db.password())
              .set(OhlcOptions.TRADES_TOPIC, trades)
              .set(OhlcOptions.BARS_TOPIC, bars)
              .set(JobOptions.DEAD_LETTERS_TOPIC, deadLetters)
              .build();
      JobRunner.execute(new OhlcJob(), backtest);

      List<OhlcBarRows.Row> inRange =
          live.stream()
              .filter(BacktestITCase::wholeInRange)
              .map(BacktestITCase::anyRevision)
              .toList();
      List<OhlcBarRows.Row> backtested =
          rows(db, "backtest_sub").stream()
              .filter(row -> WHOLE.contains(row.interval()))
              .map(BacktestITCase::anyRevision)
              .toList();
      assertThat(inRange).hasSizeGreaterThan(150); // 180 seconds and 3 minutes with trades
      assertThat(backtested).isEqualTo(inRange);
      // Nothing outside the range, in any interval: longer bars hold only the range's trades.
      assertThat(rows(db, "backtest_sub"))
          .allMatch(row -> row.lastTradeTimeUs() < TO.toEpochMilli() * 1_000)
          .allMatch(row -> row.firstTradeTimeUs() >= FROM.toEpochMilli() * 1_000);
      assertThat(rows(db, "public")).isEqualTo(live);
    }
  }

  private static boolean wholeInRange(OhlcBarRows.Row row) {
    long startMs = row.bucketStartUs() / 1_000;
    return WHOLE.contains(row.interval())
        && startMs >= FROM.toEpochMilli()
        && startMs < TO.toEpochMilli();
  }

  private static OhlcBarRows.Row anyRevision(OhlcBarRows.Row row) {
    return row.withRevision(0);
  }

  private static List<OhlcBarRows.Row> rows(PostgresDatabase db, String schema) throws Exception {
    try (Connection c = db.connect();
        Statement s = c.createStatement()) {
      s.execute("SET search_path TO " + schema);
      return OhlcBarRows.all(c);
    }
  }

  private static String[] concat(String[] first, String... more) {
    String[] all = java.util.Arrays.copyOf(first, first.length + more.length);
    System.arraycopy(more, 0, all, first.length, more.length);
    return all;
  }
}
