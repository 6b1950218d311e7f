package org.marketflow.testing.servers;

import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Redis server tests and the local launcher use.
 *
 * <p>If {@code MARKETFLOW_REDIS_URL} is set, that server is used as is. Otherwise {@code
 * scripts/local-redis.sh start} is run (it installs and starts a local server on first use) and its
 * {@code env} output is read. The script is found in the working directory or the nearest parent
 * that has {@code scripts/local-redis.sh}.
 */
public final class LocalRedis {

  static final String URL_VARIABLE = "MARKETFLOW_REDIS_URL";
  private static final String SCRIPT = "local-redis.sh";
  private static final Logger LOG = LoggerFactory.getLogger(LocalRedis.class);

  private static RedisServer shared;
  private static LocalServerScript startedHere;

  private LocalRedis() {}

  /** The server for this JVM, resolved (and started if needed) on first call. */
  public static synchronized RedisServer shared() {
    if (shared == null) {
      shared = fromEnvironment(System.getenv()).orElseGet(LocalRedis::startWithScript);
    }
    return shared;
  }

  /**
   * Stops the local server if {@link #shared()} found it stopped and started it; for the local
   * launcher. Tests leave it running so the next run starts fast.
   */
  public static synchronized void stopIfStartedHere() {
    if (startedHere != null) {
      startedHere.stop();
      startedHere = null;
      shared = null;
    }
  }

  static Optional<RedisServer> fromEnvironment(Map<String, String> environment) {
    String url = environment.get(URL_VARIABLE);
    return url == null || url.isBlank() ? Optional.empty() : Optional.of(new RedisServer(url));
  }

  private static RedisServer startWithScript() {
    LocalServerScript script = LocalServerScript.locate(SCRIPT);
    long startedAt = System.nanoTime();
    boolean wasRunning = script.isRunning();
    Map<String, String> values = script.startAndReadEnvironment();
    startedHere = wasRunning ? null : script;
    RedisServer server =
        fromEnvironment(values)
            .orElseThrow(() -> new IllegalStateException(URL_VARIABLE + " missing from " + script));
    LOG.info("Redis ready in {} ms: {}", (System.nanoTime() - startedAt) / 1_000_000, server);
    return server;
  }
}
