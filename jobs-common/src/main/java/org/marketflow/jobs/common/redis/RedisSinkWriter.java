package org.marketflow.jobs.common.redis;

import java.net.URI;
import java.time.Duration;
import org.apache.flink.api.common.operators.ProcessingTimeService;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.metrics.Counter;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;

/**
 * One writer of a {@link RedisSink}: one connection and one open pipeline, sent when it holds
 * {@code batchSize} commands or when its oldest command has waited {@code maxDelay} (a
 * processing-time timer, so that a quiet stream's last records reach Redis at once). {@link #flush}
 * (called before every checkpoint barrier and at the end of input) sends the queued commands and
 * waits for their replies, so a checkpoint completes only once Redis has them.
 */
final class RedisSinkWriter<T> implements SinkWriter<T> {

  private final Jedis jedis;
  private final int batchSize;
  private final long maxDelayMs;
  private final ProcessingTimeService time;
  private final RedisWrite<T> write;
  private final Counter flushed;
  private Pipeline pipeline;
  private int pending;
  private boolean flushScheduled;

  /**
   * @param time where the timer that bounds a command's wait is set; the task's own, whose
   *     callbacks run in the task's thread
   */
  RedisSinkWriter(
      URI uri,
      int batchSize,
      Duration maxDelay,
      ProcessingTimeService time,
      RedisWrite<T> write,
      Counter flushed) {
    this.jedis = new Jedis(uri);
    this.batchSize = batchSize;
    this.maxDelayMs = maxDelay.toMillis();
    this.time = time;
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
    } else if (!flushScheduled) {
      flushScheduled = true;
      time.registerTimer(time.getCurrentProcessingTime() + maxDelayMs, now -> onTimer());
    }
  }

  private void onTimer() {
    flushScheduled = false;
    sync();
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
