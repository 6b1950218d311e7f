package org.marketflow.api.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.marketflow.testing.servers.LocalRedis;
import org.marketflow.testing.servers.RedisServer;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.JedisPooled;

/**
 * 50 threads × 2,000 requests on one key admit exactly the limit, no more, in Redis (the shared
 * limiter, one Lua script per request) and in memory (the fallback). The tier admits one request
 * per hour after a burst of 1,000, so the count does not depend on how long the run takes.
 */
class RateLimiterConcurrencyTest {

  private static final int THREADS = 50;
  private static final int REQUESTS_PER_THREAD = 2_000;
  private static final int BURST = 1_000;
  private static final Gcra TIER = Gcra.of(GcraTest.tier(1, Duration.ofHours(1), BURST));

  private static JedisPooled jedis;
  private static String keyPrefix;

  @BeforeAll
  static void connect() {
    RedisServer redis = LocalRedis.shared();
    ConnectionPoolConfig pool = new ConnectionPoolConfig();
    pool.setMaxTotal(THREADS);
    jedis = new JedisPooled(pool, java.net.URI.create(redis.uri()));
    keyPrefix = redis.uniqueKeyPrefix("ratelimit-concurrency");
  }

  @AfterAll
  static void close() {
    jedis.close();
  }

  @Test
  void redisAdmitsExactlyTheLimitUnderConcurrency() throws Exception {
    RedisRateLimiter limiter = new RedisRateLimiter(jedis);

    assertThat(admitted((key, gcra) -> limiter.decide(key, gcra).allowed(), keyPrefix + "one"))
        .isEqualTo(BURST);
  }

  @Test
  void theLocalFallbackAdmitsExactlyTheLimitUnderConcurrency() throws Exception {
    LocalRateLimiter limiter = new LocalRateLimiter(() -> System.nanoTime() / 1_000);

    assertThat(admitted((key, gcra) -> limiter.decide(key, gcra).allowed(), "one"))
        .isEqualTo(BURST);
  }

  private static int admitted(BiFunction<String, Gcra, Boolean> decide, String key)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Integer>> results = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      results.add(
          pool.submit(
              () -> {
                start.await();
                int admitted = 0;
                for (int i = 0; i < REQUESTS_PER_THREAD; i++) {
                  if (decide.apply(key, TIER)) {
                    admitted++;
                  }
                }
                return admitted;
              }));
    }
    start.countDown();
    int total = 0;
    for (Future<Integer> result : results) {
      total += result.get(5, TimeUnit.MINUTES);
    }
    pool.shutdown();
    return total;
  }
}
