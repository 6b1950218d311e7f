package org.marketflow.testing.servers;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * A database created for one test class or test. {@link #close()} drops it.
 *
 * <p>It starts empty; apply the project's migrations to it before use where needed.
 */
public final class PostgresDatabase implements AutoCloseable {

  private final PostgresServer server;
  private final String name;
  private final String jdbcUrl;

  PostgresDatabase(PostgresServer server, String name) {
    this.server = server;
    this.name = name;
    this.jdbcUrl = JdbcUrls.withDatabase(server.jdbcUrl(), name);
  }

  public String name() {
    return name;
  }

  public String jdbcUrl() {
    return jdbcUrl;
  }

  public String user() {
    return server.user();
  }

  public String password() {
    return server.password();
  }

  /** The server this database lives on. */
  public PostgresServer server() {
    return server;
  }

  public Connection connect() throws SQLException {
    return DriverManager.getConnection(jdbcUrl, user(), password());
  }

  /** Drops the database, terminating connections still open to it. */
  @Override
  public void close() {
    server.dropDatabase(name);
  }

  @Override
  public String toString() {
    return "PostgresDatabase[" + jdbcUrl + "]";
  }
}
