package org.marketflow.jobs.microstructure.sinks;

import java.time.Duration;
import org.apache.avro.generic.IndexedRecord;
import org.apache.flink.util.Preconditions;
import org.apache.flink.util.function.SerializableFunction;
import org.marketflow.jobs.common.redis.RedisWrite;
import org.marketflow.schemas.avro.LiquidityMetrics;
import org.marketflow.schemas.avro.MarketMicrostructure;
import org.marketflow.schemas.avro.MarketTick;
import org.marketflow.schemas.avro.OrderBookSnapshot;
import org.marketflow.schemas.redis.RecordJson;
import org.marketflow.schemas.redis.RedisKeys;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.params.SetParams;

/**
 * An instrument's latest record in Redis: {@code SET <key prefix><instrument> <json>}, with a TTL
 * where the value goes stale, and for ticks also {@code PUBLISH <channel prefix><instrument>
 * <json>}. The JSON is {@link RecordJson}'s; the keys and TTLs are {@link RedisKeys}'. A record
 * written again after a restart sets the same value (the publish is repeated: subscribers see ticks
 * at least once).
 */
public final class LatestInRedis<T extends IndexedRecord> implements RedisWrite<T> {

  private final String keyPrefix;
  private final SerializableFunction<T, String> instrument;
  private final long ttlMillis;
  private final String channelPrefix;

  private LatestInRedis(
      String keyPrefix,
      SerializableFunction<T, String> instrument,
      Duration ttl,
      String channelPrefix) {
    this.keyPrefix = Preconditions.checkNotNull(keyPrefix, "keyPrefix");
    this.instrument = instrument;
    this.ttlMillis = ttl == null ? 0 : ttl.toMillis();
    this.channelPrefix = channelPrefix;
  }

  /**
   * {@code market:tick:{instrument}} (60 s TTL) and {@code PUBLISH market:ticks:{instrument}}.
   *
   * @param namespace prepended to every key and channel ({@code ""} in production)
   */
  public static LatestInRedis<MarketTick> ticks(String namespace) {
    return new LatestInRedis<>(
        namespace + RedisKeys.TICK,
        tick -> tick.getInstrument(),
        RedisKeys.TICK_TTL,
        namespace + RedisKeys.TICKS_CHANNEL);
  }

  /** {@code market:book:{instrument}}, 2 s TTL. */
  public static LatestInRedis<OrderBookSnapshot> books(String namespace) {
    return new LatestInRedis<>(
        namespace + RedisKeys.BOOK, snapshot -> snapshot.getInstrument(), RedisKeys.BOOK_TTL, null);
  }

  /** {@code market:micro:{instrument}}, no TTL. */
  public static LatestInRedis<MarketMicrostructure> microstructure(String namespace) {
    return new LatestInRedis<>(
        namespace + RedisKeys.MICROSTRUCTURE, m -> m.getInstrument(), null, null);
  }

  /** {@code market:liquidity:{instrument}}, no TTL. */
  public static LatestInRedis<LiquidityMetrics> liquidity(String namespace) {
    return new LatestInRedis<>(namespace + RedisKeys.LIQUIDITY, l -> l.getInstrument(), null, null);
  }

  @Override
  public void write(T record, AbstractPipeline redis) {
    String id = instrument.apply(record);
    String json = RecordJson.of(record);
    if (ttlMillis > 0) {
      redis.set(keyPrefix + id, json, SetParams.setParams().px(ttlMillis));
    } else {
      redis.set(keyPrefix + id, json);
    }
    if (channelPrefix != null) {
      redis.publish(channelPrefix + id, json);
    }
  }
}
