package org.marketflow.testing.servers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RedisServerTest {

  @Test
  void exposesHostAndPortOfTheUri() {
    RedisServer redis = new RedisServer("redis://127.0.0.1:56379");

    assertThat(redis.host()).isEqualTo("127.0.0.1");
    assertThat(redis.port()).isEqualTo(56379);
  }

  @Test
  void defaultsToTheStandardPort() {
    assertThat(new RedisServer("redis://cache").port()).isEqualTo(6379);
  }

  @Test
  void rejectsOtherSchemes() {
    assertThatThrownBy(() -> new RedisServer("http://cache:6379"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void keyPrefixesAreUniqueNamespaces() {
    RedisServer redis = new RedisServer("redis://127.0.0.1:56379");

    String prefix = redis.uniqueKeyPrefix("Quotes ITCase");

    assertThat(prefix).matches("Quotes_ITCase:[0-9a-f]{8}:");
    assertThat(redis.uniqueKeyPrefix("Quotes ITCase")).isNotEqualTo(prefix);
  }
}
