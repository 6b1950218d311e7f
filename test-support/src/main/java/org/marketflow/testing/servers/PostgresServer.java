package org.marketflow.testing.servers;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;

/**
 * A running PostgreSQL server and the credentials of a role allowed to create databases.
 *
 * <p>Tests should not share tables: call {@link #createDatabase(String)} for a database of their
 * own (the JUnit {@code PostgresExtension} does this for you).
 *
 * @param jdbcUrl URL of the role's default database, e.g. {@code
 *     jdbc:postgresql://127.0.0.1:55432/marketflow}
 * @param user role name
 * @param password role password
 */
public record PostgresServer(String jdbcUrl, String user, String password) {

  public PostgresServer {
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(password, "password");
  }

  /** Opens a connection to the role's default database. */
  public Connection connect() throws SQLException {
    return DriverManager.getConnection(jdbcUrl, user, password);
  }

  /**
   * Creates an empty database named {@code <prefix>_<random>} (lowercase, at most 63 chars) owned
   * by this role.
   */
  public PostgresDatabase createDatabase(String prefix) {
    String name = UniqueNames.postgresIdentifier(prefix);
    try (Connection connection = connect();
        Statement statement = connection.createStatement()) {
      // The name is generated from [a-z0-9_] only, so it is safe to splice in.
      statement.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("could not create database " + name + " on " + jdbcUrl, e);
    }
    return new PostgresDatabase(this, name);
  }

  /** Drops {@code database}, closing any connection still open to it. */
  void dropDatabase(String database) {
    try (Connection connection = connect();
        Statement statement = connection.createStatement()) {
      try {
        statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
      } catch (SQLException e) {
        if (!INSUFFICIENT_PRIVILEGE.equals(e.getSQLState())) {
          throw e;
        }
        // FORCE may not terminate a process of another role: an autovacuum worker that started
        // on the freshly migrated database. A plain DROP stops autovacuum workers by itself.
        statement.execute("DROP DATABASE IF EXISTS " + database);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not drop database " + database, e);
    }
  }

  private static final String INSUFFICIENT_PRIVILEGE = "42501";

  @Override
  public String toString() {
    return "PostgresServer[" + jdbcUrl + ", user=" + user + "]";
  }
}
