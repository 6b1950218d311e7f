package org.marketflow.jobs.common.redis;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RedisSinkTest {

  private static final Duration MS = Duration.ofMillis(1);

  private static final RedisWrite<String> SET = (value, redis) -> redis.set(value, value);

  @Test
  void refusesAUrlThatIsNotRedisAnEmptyBatchAndNoFlushInterval() {
    assertThatThrownBy(() -> RedisSink.buildAtLeastOnce("http://h:6379", 10, MS, SET))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the Redis sink needs a redis:// URL, not http://h:6379");
    assertThatThrownBy(() -> RedisSink.buildAtLeastOnce(null, 10, MS, SET))
        .hasMessage("the Redis sink needs a redis:// URL, not null");
    assertThatThrownBy(() -> RedisSink.buildAtLeastOnce("redis://h:6379", 0, MS, SET))
        .hasMessage("redis batch size must be at least 1, not 0");
    assertThatThrownBy(() -> RedisSink.buildAtLeastOnce("redis://h:6379", 10, Duration.ZERO, SET))
        .hasMessage("redis flush interval must be at least 1 ms, not PT0S");
  }
}
