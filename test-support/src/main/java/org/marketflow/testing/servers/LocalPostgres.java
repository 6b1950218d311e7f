package org.marketflow.testing.servers;

import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL server tests and the local launcher use.
 *
 * <p>If {@code MARKETFLOW_PG_URL} (with {@code MARKETFLOW_PG_USER} and {@code
 * MARKETFLOW_PG_PASSWORD}) is set, that server is used as is. Otherwise {@code
 * scripts/local-postgres.sh start} is run (it installs and starts a local cluster on first use) and
 * its {@code env} output is read. The script is found in the working directory or the nearest
 * parent that has {@code scripts/local-postgres.sh}.
 */
public final class LocalPostgres {

  static final String URL_VARIABLE = "MARKETFLOW_PG_URL";
  static final String USER_VARIABLE = "MARKETFLOW_PG_USER";
  static final String PASSWORD_VARIABLE = "MARKETFLOW_PG_PASSWORD";
  private static final String SCRIPT = "local-postgres.sh";
  private static final Logger LOG = LoggerFactory.getLogger(LocalPostgres.class);

  private static PostgresServer shared;
  private static LocalServerScript startedHere;

  private LocalPostgres() {}

  /** The server for this JVM, resolved (and started if needed) on first call. */
  public static synchronized PostgresServer shared() {
    if (shared == null) {
      shared = fromEnvironment(System.getenv()).orElseGet(LocalPostgres::startWithScript);
    }
    return shared;
  }

  /**
   * Stops the local cluster if {@link #shared()} found it stopped and started it; for the local
   * launcher. Tests leave it running so the next run starts fast.
   */
  public static synchronized void stopIfStartedHere() {
    if (startedHere != null) {
      startedHere.stop();
      startedHere = null;
      shared = null;
    }
  }

  static Optional<PostgresServer> fromEnvironment(Map<String, String> environment) {
    String url = environment.get(URL_VARIABLE);
    if (url == null || url.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(
        new PostgresServer(
            url,
            LocalServerScript.required(environment, USER_VARIABLE, "the environment"),
            LocalServerScript.required(environment, PASSWORD_VARIABLE, "the environment")));
  }

  private static PostgresServer startWithScript() {
    LocalServerScript script = LocalServerScript.locate(SCRIPT);
    long startedAt = System.nanoTime();
    boolean wasRunning = script.isRunning();
    Map<String, String> values = script.startAndReadEnvironment();
    startedHere = wasRunning ? null : script;
    PostgresServer server =
        fromEnvironment(values)
            .orElseThrow(() -> new IllegalStateException(URL_VARIABLE + " missing from " + script));
    LOG.info("PostgreSQL ready in {} ms: {}", (System.nanoTime() - startedAt) / 1_000_000, server);
    return server;
  }
}
