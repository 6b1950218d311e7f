package org.marketflow.testing.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.marketflow.testing.servers.PostgresDatabase;

class PostgresExtensionPerTestITCase {

  @RegisterExtension
  static final PostgresExtension POSTGRES =
      PostgresExtension.perTest().withInitializer(PostgresExtensionPerTestITCase::createSchema);

  /** Each repetition inserts one row: it sees exactly one only if its database is its own. */
  @RepeatedTest(3)
  void everyTestGetsAFreshInitializedDatabase(PostgresDatabase database) throws SQLException {
    try (Connection connection = database.connect();
        Statement statement = connection.createStatement()) {
      statement.executeUpdate("INSERT INTO bars (symbol) VALUES ('ETHUSD')");
      try (ResultSet count = statement.executeQuery("SELECT count(*) FROM bars")) {
        count.next();
        assertThat(count.getInt(1)).isEqualTo(1);
      }
    }
  }

  private static void createSchema(PostgresDatabase database) {
    try (Connection connection = database.connect();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE bars (symbol text NOT NULL)");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
