package org.marketflow.testing.servers;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class LocalPostgresITCase {

  private final PostgresServer server = LocalPostgres.shared();

  @Test
  void createsUniquelyNamedDatabasesAndDropsThemOnClose() throws SQLException {
    String name;
    try (PostgresDatabase first = server.createDatabase("LocalPostgresITCase");
        PostgresDatabase second = server.createDatabase("LocalPostgresITCase")) {
      name = first.name();
      assertThat(first.name()).startsWith("localpostgresitcase_").isNotEqualTo(second.name());
      assertThat(first.jdbcUrl()).endsWith("/" + first.name());
      assertThat(databaseExists(name)).isTrue();
    }

    assertThat(databaseExists(name)).isFalse();
  }

  @Test
  void isTheSameServerForTheWholeJvm() {
    assertThat(LocalPostgres.shared()).isSameAs(server);
  }

  private boolean databaseExists(String name) throws SQLException {
    try (Connection connection = server.connect();
        PreparedStatement query =
            connection.prepareStatement("SELECT count(*) FROM pg_database WHERE datname = ?")) {
      query.setString(1, name);
      try (ResultSet result = query.executeQuery()) {
        result.next();
        return result.getInt(1) == 1;
      }
    }
  }
}
