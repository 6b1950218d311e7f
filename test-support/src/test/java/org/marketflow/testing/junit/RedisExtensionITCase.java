package org.marketflow.testing.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.marketflow.testing.servers.RedisServer;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.SetParams;

@ExtendWith(RedisExtension.class)
class RedisExtensionITCase {

  @Test
  void setsAndGetsAValueWithATtl(RedisServer redis, RedisKeyPrefix prefix) {
    try (Jedis jedis = new Jedis(redis.host(), redis.port())) {
      String key = prefix.key("last-price:BTCUSD");

      jedis.set(key, "64250.5", SetParams.setParams().ex(60L));

      assertThat(jedis.get(key)).isEqualTo("64250.5");
      assertThat(jedis.ttl(key)).isBetween(1L, 60L);
    }
  }

  @Test
  void expiredKeysDisappear(RedisServer redis, RedisKeyPrefix prefix) {
    try (Jedis jedis = new Jedis(redis.host(), redis.port())) {
      String key = prefix.key("short-lived");

      jedis.set(key, "x", SetParams.setParams().px(100L));

      await().atMost(Duration.ofSeconds(5)).until(() -> jedis.get(key) == null);
    }
  }

  @Test
  void givesEachTestItsOwnKeyPrefix(RedisKeyPrefix first, RedisKeyPrefix second) {
    assertThat(first.value()).startsWith("RedisExtensionITCase-givesEachTestItsOwnKeyPrefix:");
    assertThat(first).isNotEqualTo(second);
  }
}
