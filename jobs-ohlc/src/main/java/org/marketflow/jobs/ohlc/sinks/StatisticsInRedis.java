package org.marketflow.jobs.ohlc.sinks;

import org.marketflow.jobs.common.redis.RedisWrite;
import org.marketflow.schemas.avro.MarketStatistics;
import org.marketflow.schemas.redis.RecordJson;
import org.marketflow.schemas.redis.RedisKeys;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.params.SetParams;

/**
 * Each instrument's latest statistics of each period in Redis: {@code SET
 * market:stats:{instrument}:{period} <json> PX 60000}, the JSON {@link RecordJson}'s. Rewritten
 * every minute while the instrument emits; the key expires a minute after its last write. A record
 * written again after a restart sets the same value.
 */
public final class StatisticsInRedis implements RedisWrite<MarketStatistics> {

  private final String namespace;
  private final long ttlMillis;

  /**
   * @param namespace prepended to every key ({@code ""} in production)
   */
  public StatisticsInRedis(String namespace) {
    this.namespace = namespace;
    this.ttlMillis = RedisKeys.STATISTICS_TTL.toMillis();
  }

  @Override
  public void write(MarketStatistics statistics, AbstractPipeline redis) {
    redis.set(
        namespace + RedisKeys.statistics(statistics.getInstrument(), statistics.getPeriod()),
        RecordJson.of(statistics),
        SetParams.setParams().px(ttlMillis));
  }
}
