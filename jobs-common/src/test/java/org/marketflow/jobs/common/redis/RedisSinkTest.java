package org.marketflow.jobs.common.redis;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;
import org.marketflow.jobs.common.options.JobConfigBuilder;

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

  @Test
  void aBacktestCannotBuildOne() {
    Configuration backtest =
        JobConfigBuilder.backtest(
                "k:9092",
                "g",
                "q1",
                Instant.parse("2025-01-15T10:00:00Z"),
                Instant.parse("2025-01-15T11:00:00Z"))
            .redis("redis://h:6379")
            .build();

    assertThatThrownBy(() -> RedisSink.fromOptions(backtest, SET))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "a backtest writes no Redis key: wire Redis sinks only when"
                + " JobOptions.writesRedis(config)");
  }
}
