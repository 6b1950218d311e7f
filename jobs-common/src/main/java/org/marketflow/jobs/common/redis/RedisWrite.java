package org.marketflow.jobs.common.redis;

import java.io.Serializable;
import redis.clients.jedis.AbstractPipeline;

/**
 * The Redis commands for one record, queued on a pipeline (which also takes {@code PUBLISH}). Make
 * them idempotent (SET with a TTL, HSET, ZADD): the sink delivers at least once, so a record may be
 * written again after a restart, and a message published again.
 *
 * <pre>{@code
 * RedisWrite<MarketTick> latest =
 *     (tick, redis) -> redis.set("tick:" + tick.getInstrument(), json(tick), SetParams.setParams().ex(60));
 * }</pre>
 */
@FunctionalInterface
public interface RedisWrite<T> extends Serializable {
  void write(T record, AbstractPipeline redis);
}
