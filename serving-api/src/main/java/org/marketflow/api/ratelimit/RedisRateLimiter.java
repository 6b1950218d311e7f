package org.marketflow.api.ratelimit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisNoScriptException;

/**
 * The GCRA of {@link Gcra} in Redis, one {@code EVALSHA} per request: the script reads the key's
 * TAT, decides and writes the new TAT atomically, on the Redis server's clock, so that every
 * service instance shares one limit per key. When the server does not know the script yet (a new or
 * restarted server), it is sent once with {@code EVAL}, which also caches it.
 */
final class RedisRateLimiter {

  static final String SCRIPT = load("gcra.lua");
  static final String SHA = sha1(SCRIPT);

  private final UnifiedJedis jedis;

  RedisRateLimiter(UnifiedJedis jedis) {
    this.jedis = jedis;
  }

  /**
   * Decides a request on {@code redisKey}.
   *
   * @throws redis.clients.jedis.exceptions.JedisException when Redis cannot be reached or fails
   */
  RateLimitDecision decide(String redisKey, Gcra gcra) {
    List<String> keys = List.of(redisKey);
    List<String> args =
        List.of(Long.toString(gcra.intervalMicros()), Long.toString(gcra.toleranceMicros()));
    Object reply;
    try {
      reply = jedis.evalsha(SHA, keys, args);
    } catch (JedisNoScriptException unknown) {
      reply = jedis.eval(SCRIPT, keys, args);
    }
    List<?> values = (List<?>) reply;
    return new RateLimitDecision(
        ((Long) values.get(0)) == 1L,
        gcra.requests(),
        (Long) values.get(1),
        (Long) values.get(2),
        (Long) values.get(3));
  }

  private static String load(String resource) {
    try (InputStream in = RedisRateLimiter.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is missing from the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String sha1(String script) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-1").digest(script.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
