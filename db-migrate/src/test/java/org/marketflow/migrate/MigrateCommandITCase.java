package org.marketflow.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.marketflow.testing.junit.PostgresExtension;
import org.marketflow.testing.servers.PostgresDatabase;
import picocli.CommandLine;

@ExtendWith(PostgresExtension.class)
class MigrateCommandITCase {

  @Test
  void migratesAnEmptyDatabaseAndIsSafeToRunAgain(PostgresDatabase db) throws Exception {
    String[] args = {"--jdbc-url", db.jdbcUrl(), "--user", db.user(), "--password", db.password()};
    StringWriter first = new StringWriter();
    assertThat(execute(first, args)).isZero();
    assertThat(first.toString()).contains("schema at version 9 (9 migration(s) applied now)");

    StringWriter second = new StringWriter();
    assertThat(execute(second, args)).isZero();
    assertThat(second.toString()).contains("(0 migration(s) applied now)");

    try (Connection c = db.connect();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT count(*) FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid"
                    + " WHERE c.relname LIKE 'ohlc_bars_%'")) {
      rs.next();
      assertThat(rs.getInt(1)).as("ohlc_bars partitions").isGreaterThan(1);
    }
  }

  @Test
  void migratesABacktestsOwnSchemaBesideTheLiveOne(PostgresDatabase db) throws Exception {
    String[] live = {"--jdbc-url", db.jdbcUrl(), "--user", db.user(), "--password", db.password()};
    assertThat(execute(new StringWriter(), live)).isZero();

    StringWriter out = new StringWriter();
    assertThat(
            execute(
                out,
                "--jdbc-url",
                db.jdbcUrl(),
                "--user",
                db.user(),
                "--password",
                db.password(),
                "--backtest",
                "q1"))
        .isZero();

    assertThat(out.toString())
        .contains("schema backtest_q1 of backtest q1 at version 9 (9 migration(s) applied now)");
    try (Connection c = db.connect();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT table_schema, count(*) FROM information_schema.tables"
                    + " WHERE table_name = 'ohlc_bars' GROUP BY table_schema"
                    + " ORDER BY table_schema")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("backtest_q1");
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("public");
      assertThat(rs.next()).isFalse();
    }
  }

  @Test
  void refusesABacktestNameThatCannotNameASchema() {
    StringWriter err = new StringWriter();
    CommandLine command = MigrateCommand.commandLine();
    command.setErr(new PrintWriter(err, true));
    assertThat(command.execute("--jdbc-url", "jdbc:postgresql://h/db", "--backtest", "Q-1"))
        .isEqualTo(2);
    assertThat(err.toString())
        .contains(
            "--backtest: a backtest name is 1-40 lower-case letters, digits and underscores (e.g."
                + " q1_momentum), not 'Q-1'");
  }

  @Test
  void refusesAUrlThatIsNotPostgres() {
    StringWriter err = new StringWriter();
    CommandLine command = new CommandLine(new MigrateCommand());
    command.setErr(new PrintWriter(err));
    assertThat(command.execute("--jdbc-url", "jdbc:mysql://h/db")).isEqualTo(2);
    assertThat(err.toString())
        .contains("--jdbc-url must be a jdbc:postgresql: URL, not jdbc:mysql://h/db");
  }

  @Test
  void saysInOneLineWhenTheDatabaseCannotBeReached(PostgresDatabase db) {
    StringWriter err = new StringWriter();
    CommandLine command = MigrateCommand.commandLine();
    command.setErr(new PrintWriter(err, true));
    String missing = db.jdbcUrl().replace(db.name(), "marketflow_no_such_database");
    assertThat(command.execute("--jdbc-url", missing, "--user", db.user(), "--password", "x"))
        .isEqualTo(1);
    assertThat(err.toString().strip()).startsWith("db-migrate: ").doesNotContain("\tat ");
  }

  private static int execute(StringWriter out, String... args) {
    CommandLine command = MigrateCommand.commandLine();
    command.setOut(new PrintWriter(out));
    return command.execute(args);
  }
}
