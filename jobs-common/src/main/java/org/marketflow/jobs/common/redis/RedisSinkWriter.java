package org.marketflow.jobs.common.redis;

import java.net.URI;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.metrics.Counter;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;

/**
 * One writer of a {@link RedisSink}: one connection and one open pipeline. {@link #flush} (called
 * before every checkpoint barrier and at the end of input) sends the queued commands and waits for
 * their replies, so a checkpoint completes only once Redis has them.
 */
final class RedisSinkWriter<T> implements SinkWriter<T> {

  private final Jedis jedis;
  private final int batchSize;
  private final RedisWrite<T> write;
  private final Counter flushed;
  private Pipeline pipeline;
  private int pending;

  RedisSinkWriter(URI uri, int batchSize, RedisWrite<T> write, Counter flushed) {
    this.jedis = new Jedis(uri);
    this.batchSize = batchSize;
    this.write = write;
    this.flushed = flushed;
  }

  @Override
  public void write(T element, Context context) {
    if (pipeline == null) {
      pipeline = jedis.pipelined();
    }
    write.write(element, pipeline);
    if (++pending >= batchSize) {
      sync();
    }
  }

  @Override
  public void flush(boolean endOfInput) {
    sync();
  }

  /** Sends what is queued and waits for the replies; a Redis error fails the job here. */
  private void sync() {
    if (pipeline != null && pending > 0) {
      pipeline.sync();
      flushed.inc(pending);
      pending = 0;
    }
  }

  @Override
  public void close() {
    try {
      if (pipeline != null) {
        pipeline.close();
      }
    } finally {
      jedis.close();
    }
  }
}
