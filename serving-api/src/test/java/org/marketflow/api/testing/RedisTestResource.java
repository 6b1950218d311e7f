package org.marketflow.api.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import org.marketflow.testing.servers.LocalRedis;
import org.marketflow.testing.servers.RedisServer;

/**
 * The shared local Redis (scripts/local-redis.sh) as the service's Redis, with a key prefix of its
 * own so that services tested at once on one server never read each other's keys; the answer cache
 * is on (the test profile turns it off for services without this resource).
 */
public class RedisTestResource implements QuarkusTestResourceLifecycleManager {

  @Override
  public Map<String, String> start() {
    RedisServer redis = LocalRedis.shared();
    return Map.of(
        "marketflow.redis.url",
        redis.uri(),
        "marketflow.redis.key-prefix",
        redis.uniqueKeyPrefix("api"),
        "marketflow.cache.enabled",
        "true");
  }

  @Override
  public void stop() {
    // The server is shared by every test JVM on the machine and stays up for the next run.
  }
}
