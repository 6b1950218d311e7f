package org.marketflow.jobs.common.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.flink.metrics.SimpleCounter;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.runtime.tasks.TestProcessingTimeService;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.marketflow.testing.junit.FlinkMiniCluster;
import org.marketflow.testing.junit.RedisExtension;
import org.marketflow.testing.junit.RedisKeyPrefix;
import org.marketflow.testing.servers.RedisServer;
import org.marketflow.testing.servers.RedisSubscription;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.SetParams;

@ExtendWith(RedisExtension.class)
class RedisSinkITCase {

  @RegisterExtension static final MiniClusterExtension FLINK = FlinkMiniCluster.extension();

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  /** SET prefix:n n EX 60, an idempotent write. */
  private static RedisWrite<Integer> setWithTtl(String prefix) {
    return (n, redis) -> redis.set(prefix + n, Integer.toString(n), SetParams.setParams().ex(60));
  }

  @Test
  void writesEveryRecordOfAJobInPipelines(RedisServer redis, RedisKeyPrefix prefix)
      throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.fromData(IntStream.range(0, 2_500).boxed().toList())
        .sinkTo(
            RedisSink.buildAtLeastOnce(
                redis.uri(), 100, Duration.ofMillis(10), setWithTtl(prefix.value())))
        .uid("redis-sink")
        .name("Redis");
    env.execute("redis-sink-it");

    try (Jedis jedis = new Jedis(redis.uri())) {
      assertThat(jedis.keys(prefix.value() + "*")).hasSize(2_500);
      assertThat(jedis.get(prefix.value() + "1234")).isEqualTo("1234");
      assertThat(jedis.ttl(prefix.value() + "1234")).isBetween(1L, 60L);
    }
  }

  @Test
  void publishesFromThePipelineOnFlush(RedisServer redis, RedisKeyPrefix prefix) throws Exception {
    String channel = prefix.key("channel");
    RedisWrite<Integer> publish = (n, pipeline) -> pipeline.publish(channel, Integer.toString(n));
    try (RedisSubscription messages = RedisSubscription.open(redis.uri(), channel, TIMEOUT);
        RedisSinkWriter<Integer> writer =
            writer(redis, publish, new TestProcessingTimeService(), new SimpleCounter())) {
      for (int n : List.of(1, 2, 3)) {
        writer.write(n, null);
      }
      writer.flush(false);
      assertThat(messages.next(3, TIMEOUT)).containsExactly("1", "2", "3");
    }
  }

  @Test
  void aFlushSendsWhatIsQueuedBeforeTheBatchIsFull(RedisServer redis, RedisKeyPrefix prefix)
      throws Exception {
    SimpleCounter flushed = new SimpleCounter();
    try (Jedis jedis = new Jedis(redis.uri());
        RedisSinkWriter<Integer> writer =
            writer(redis, setWithTtl(prefix.value()), new TestProcessingTimeService(), flushed)) {
      for (int n : List.of(1, 2, 3)) {
        writer.write(n, null);
      }
      assertThat(jedis.exists(prefix.value() + "1")).isFalse(); // still in the pipeline
      writer.flush(false); // what a checkpoint does
      assertThat(jedis.mget(prefix.value() + "1", prefix.value() + "2", prefix.value() + "3"))
          .containsExactly("1", "2", "3");
      assertThat(flushed.getCount()).isEqualTo(3);
    }
  }

  @Test
  void aCommandWaitsInThePipelineNoLongerThanTheFlushInterval(
      RedisServer redis, RedisKeyPrefix prefix) throws Exception {
    TestProcessingTimeService time = new TestProcessingTimeService();
    time.setCurrentTime(1_000);
    SimpleCounter flushed = new SimpleCounter();
    try (Jedis jedis = new Jedis(redis.uri());
        RedisSinkWriter<Integer> writer =
            writer(redis, setWithTtl(prefix.value()), time, flushed)) {
      writer.write(1, null);
      time.setCurrentTime(1_004);
      writer.write(2, null);
      time.setCurrentTime(1_019);
      assertThat(jedis.exists(prefix.value() + "1")).isFalse(); // 19 ms: still in the pipeline
      assertThat(time.getNumActiveTimers()).isEqualTo(1);

      time.setCurrentTime(1_020); // the first command's 20 ms
      assertThat(jedis.mget(prefix.value() + "1", prefix.value() + "2")).containsExactly("1", "2");
      assertThat(flushed.getCount()).isEqualTo(2);
      assertThat(time.getNumActiveTimers()).isZero();

      writer.write(3, null); // a new wait starts with the next command
      time.setCurrentTime(1_040);
      assertThat(jedis.get(prefix.value() + "3")).isEqualTo("3");
    }
  }

  /** A writer of 1,000-command batches sent after 20 ms at most, on {@code time}. */
  private static RedisSinkWriter<Integer> writer(
      RedisServer redis,
      RedisWrite<Integer> write,
      TestProcessingTimeService time,
      SimpleCounter flushed) {
    return new RedisSinkWriter<>(
        java.net.URI.create(redis.uri()), 1_000, Duration.ofMillis(20), time, write, flushed);
  }
}
