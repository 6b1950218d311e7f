package org.marketflow.api.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import org.marketflow.testing.servers.LocalRedis;

/** The shared local Redis (scripts/local-redis.sh) as the service's Redis. */
public class RedisTestResource implements QuarkusTestResourceLifecycleManager {

  @Override
  public Map<String, String> start() {
    return Map.of("marketflow.redis.url", LocalRedis.shared().uri());
  }

  @Override
  public void stop() {
    // The server is shared by every test JVM on the machine and stays up for the next run.
  }
}
