package org.marketflow.jobs.common.redis;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RedisSinkTest {

  private static final RedisWrite<String> SET = (value, redis) -> redis.set(value, value);

  @Test
  void refusesAUrlThatIsNotRedisAndAnEmptyBatch() {
    assertThatThrownBy(() -> RedisSink.buildAtLeastOnce("http://h:6379", 10, SET))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the Redis sink needs a redis:// URL, not http://h:6379");
    assertThatThrownBy(() -> RedisSink.buildAtLeastOnce(null, 10, SET))
        .hasMessage("the Redis sink needs a redis:// URL, not null");
    assertThatThrownBy(() -> RedisSink.buildAtLeastOnce("redis://h:6379", 0, SET))
        .hasMessage("redis batch size must be at least 1, not 0");
  }
}
