package org.marketflow.jobs.microstructure.sinks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.marketflow.jobs.microstructure.sinks.Samples.BTC;
import static org.marketflow.jobs.microstructure.sinks.Samples.SECOND_US;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.marketflow.jobs.common.redis.RedisWrite;
import org.marketflow.schemas.avro.MarketTick;
import org.marketflow.schemas.redis.RecordJson;
import org.marketflow.testing.junit.RedisExtension;
import org.marketflow.testing.junit.RedisKeyPrefix;
import org.marketflow.testing.servers.RedisServer;
import org.marketflow.testing.servers.RedisSubscription;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;

/** Each output's key, TTL and JSON value on the local Redis, and the ticks' channel. */
@ExtendWith(RedisExtension.class)
class LatestInRedisITCase {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  @Test
  void keepsTheLatestTickForAMinuteAndPublishesEveryTick(RedisServer redis, RedisKeyPrefix prefix)
      throws Exception {
    String channel = prefix.key("market:ticks:" + BTC);
    try (RedisSubscription published = RedisSubscription.open(redis.uri(), channel, TIMEOUT)) {
      List<MarketTick> ticks = List.of(Samples.tick(SECOND_US, 0), Samples.tick(SECOND_US, 1));
      write(redis, LatestInRedis.ticks(prefix.value()), ticks);

      try (Jedis jedis = new Jedis(redis.uri())) {
        String key = prefix.key("market:tick:" + BTC);
        JsonNode latest = JSON.readTree(jedis.get(key));
        assertThat(latest.get("instrument").asText()).isEqualTo(BTC);
        assertThat(latest.get("tickIndex").asInt()).isEqualTo(1);
        assertThat(latest.get("bid").asDouble()).isEqualTo(61837.62);
        assertThat(latest.get("lastPrice").isNull()).isTrue();
        assertThat(jedis.ttl(key)).isBetween(1L, 60L);
      }
      assertThat(published.next(2, TIMEOUT))
          .containsExactly(RecordJson.of(ticks.get(0)), RecordJson.of(ticks.get(1)));
    }
  }

  @Test
  void keepsTheLatestBookForTwoSecondsAndTheMetricsWithoutExpiry(
      RedisServer redis, RedisKeyPrefix prefix) throws Exception {
    write(redis, LatestInRedis.books(prefix.value()), List.of(Samples.snapshot()));
    write(redis, LatestInRedis.microstructure(prefix.value()), List.of(Samples.microstructure()));
    write(redis, LatestInRedis.liquidity(prefix.value()), List.of(Samples.liquidity()));

    try (Jedis jedis = new Jedis(redis.uri())) {
      String book = prefix.key("market:book:" + BTC);
      assertThat(jedis.pttl(book)).isBetween(1L, 2_000L);
      JsonNode snapshot = JSON.readTree(jedis.get(book));
      assertThat(snapshot.get("bids").get(0).get("price").asDouble()).isEqualTo(61837.63);
      assertThat(snapshot.get("checksum").asLong()).isEqualTo(341077034L);

      String micro = prefix.key("market:micro:" + BTC);
      assertThat(jedis.get(micro)).isEqualTo(RecordJson.of(Samples.microstructure()));
      assertThat(jedis.ttl(micro)).isEqualTo(-1L);
      String liquidity = prefix.key("market:liquidity:" + BTC);
      assertThat(JSON.readTree(jedis.get(liquidity)).get("vpin").asDouble()).isEqualTo(0.31);
      assertThat(jedis.ttl(liquidity)).isEqualTo(-1L);
    }
  }

  /** Queues the records' commands on one pipeline and sends them, as the sink does. */
  private static <T> void write(RedisServer redis, RedisWrite<T> write, List<T> records) {
    try (Jedis jedis = new Jedis(redis.uri());
        Pipeline pipeline = jedis.pipelined()) {
      for (T record : records) {
        write.write(record, pipeline);
      }
      pipeline.sync();
    }
  }
}
