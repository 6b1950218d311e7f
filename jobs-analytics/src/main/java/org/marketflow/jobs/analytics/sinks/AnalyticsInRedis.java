package org.marketflow.jobs.analytics.sinks;

import org.marketflow.jobs.common.redis.RedisWrite;
import org.marketflow.schemas.avro.CorrelationMatrix;
import org.marketflow.schemas.avro.MarketRegimeIndicators;
import org.marketflow.schemas.avro.VolatilityMetrics;
import org.marketflow.schemas.redis.RecordJson;
import org.marketflow.schemas.redis.RedisKeys;
import redis.clients.jedis.params.SetParams;

/**
 * The analytics' Redis keys, each {@code SET <key> <json> PX 300000} with {@link RecordJson}'s
 * JSON, pipelined by the common Redis sink: {@code market:corr:{window}:{method}} for every matrix
 * and {@code market:corr:{window}} for the Pearson one (the seed's key), {@code
 * market:vol:{instrument}:{window}} and {@code market:regime:{instrument}}. A write again after a
 * restart sets the same value.
 */
public final class AnalyticsInRedis {

  private static final long TTL_MS = RedisKeys.ANALYTICS_TTL.toMillis();

  private AnalyticsInRedis() {}

  /**
   * @param namespace prepended to every key ({@code ""} in production)
   */
  public static RedisWrite<CorrelationMatrix> correlations(String namespace) {
    return (matrix, redis) -> {
      String json = RecordJson.of(matrix);
      SetParams ttl = SetParams.setParams().px(TTL_MS);
      redis.set(
          namespace + RedisKeys.correlation(matrix.getWindow(), matrix.getMethod()), json, ttl);
      if ("pearson".equals(matrix.getMethod())) {
        redis.set(namespace + RedisKeys.correlation(matrix.getWindow()), json, ttl);
      }
    };
  }

  public static RedisWrite<VolatilityMetrics> volatility(String namespace) {
    return (v, redis) ->
        redis.set(
            namespace + RedisKeys.volatility(v.getInstrument(), v.getWindow()),
            RecordJson.of(v),
            SetParams.setParams().px(TTL_MS));
  }

  public static RedisWrite<MarketRegimeIndicators> regimes(String namespace) {
    return (r, redis) ->
        redis.set(
            namespace + RedisKeys.regime(r.getInstrument()),
            RecordJson.of(r),
            SetParams.setParams().px(TTL_MS));
  }
}
