package org.marketflow.testing.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.marketflow.testing.servers.PostgresDatabase;
import org.marketflow.testing.servers.PostgresServer;

@ExtendWith(PostgresExtension.class)
class PostgresExtensionITCase {

  private static String databaseOfThisClass;

  @BeforeAll
  static void rememberTheClassDatabase(PostgresDatabase database) {
    databaseOfThisClass = database.name();
  }

  @Test
  void createsATableInsertsAndReadsBack(PostgresDatabase database) throws SQLException {
    try (Connection connection = database.connect();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE trades (symbol text PRIMARY KEY, price numeric NOT NULL)");
      try (PreparedStatement insert =
          connection.prepareStatement("INSERT INTO trades VALUES (?, ?)")) {
        insert.setString(1, "BTCUSD");
        insert.setBigDecimal(2, new java.math.BigDecimal("64250.50"));
        insert.executeUpdate();
      }
      try (ResultSet rows = statement.executeQuery("SELECT symbol, price FROM trades")) {
        assertThat(rows.next()).isTrue();
        assertThat(rows.getString("symbol")).isEqualTo("BTCUSD");
        assertThat(rows.getBigDecimal("price")).isEqualByComparingTo("64250.5");
        assertThat(rows.next()).isFalse();
      }
    }
  }

  @Test
  void sharesOneDatabaseAcrossTheTestsOfAClass(PostgresDatabase database) {
    assertThat(database.name())
        .startsWith("postgresextensionitcase_")
        .isEqualTo(databaseOfThisClass);
  }

  @Test
  void injectsTheServerWhoseRoleOwnsTheDatabase(PostgresServer server, PostgresDatabase database)
      throws SQLException {
    assertThat(database.server()).isEqualTo(server);
    try (Connection connection = database.connect();
        Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("SELECT current_database(), current_user")) {
      row.next();
      assertThat(row.getString(1)).isEqualTo(database.name());
      assertThat(row.getString(2)).isEqualTo(server.user());
    }
  }
}
