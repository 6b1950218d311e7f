package org.marketflow.api.redis;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.net.URI;
import org.marketflow.api.common.MarketflowConfig;
import redis.clients.jedis.JedisPooled;

/**
 * The service's one Redis connection pool. {@link JedisPooled} borrows a connection per command (or
 * per pipeline) and is safe to share between request threads; it connects lazily, so the service
 * starts while Redis is away and each feature decides what a failed command means.
 */
@ApplicationScoped
public class RedisClient {

  @Produces
  @Singleton
  JedisPooled jedis(MarketflowConfig config) {
    return new JedisPooled(URI.create(config.redis().url()));
  }

  void close(@Disposes JedisPooled jedis) {
    jedis.close();
  }
}
