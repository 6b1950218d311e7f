package org.marketflow.jobs.common.redis;

import java.io.Serializable;
import redis.clients.jedis.PipeliningBase;

/**
 * The Redis commands for one record, queued on a pipeline. Make them idempotent (SET with a TTL,
 * HSET, ZADD): the sink delivers at least once, so a record may be written again after a restart.
 *
 * <pre>{@code
 * RedisWrite<MarketTick> latest =
 *     (tick, redis) -> redis.set("tick:" + tick.getInstrument(), json(tick), SetParams.setParams().ex(60));
 * }</pre>
 */
@FunctionalInterface
public interface RedisWrite<T> extends Serializable {
  void write(T record, PipeliningBase redis);
}
