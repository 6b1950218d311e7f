package org.marketflow.testing.servers;

import java.net.URI;
import java.util.Objects;

/**
 * A running Redis server. Tests share it: keep each test's keys under {@link
 * #uniqueKeyPrefix(String)}.
 *
 * @param uri e.g. {@code redis://127.0.0.1:56379}
 */
public record RedisServer(String uri) {

  private static final int DEFAULT_PORT = 6379;

  public RedisServer {
    Objects.requireNonNull(uri, "uri");
    URI parsed = URI.create(uri);
    if (!"redis".equals(parsed.getScheme()) && !"rediss".equals(parsed.getScheme())) {
      throw new IllegalArgumentException("not a redis:// URI: " + uri);
    }
    if (parsed.getHost() == null) {
      throw new IllegalArgumentException("no host in " + uri);
    }
  }

  public String host() {
    return URI.create(uri).getHost();
  }

  public int port() {
    int port = URI.create(uri).getPort();
    return port < 0 ? DEFAULT_PORT : port;
  }

  /** Returns {@code <prefix>:<random>:}, a key namespace no other test uses. */
  public String uniqueKeyPrefix(String prefix) {
    return UniqueNames.unique(prefix, ':', "A-Za-z0-9_.-", 120) + ":";
  }
}
