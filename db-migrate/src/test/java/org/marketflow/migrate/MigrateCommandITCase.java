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
    assertThat(first.toString()).contains("schema at version 2 (2 migration(s) applied now)");

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
