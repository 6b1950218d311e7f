package org.marketflow.jobs.common.redis;

import java.net.URI;
import java.time.Duration;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.util.Preconditions;
import org.marketflow.jobs.common.options.Backtest;
import org.marketflow.jobs.common.options.JobOptions;

/**
 * Records into Redis with Jedis, pipelined: each writer queues the commands of {@link RedisWrite}
 * on one connection and sends them in one round trip every {@code batchSize} records, when the
 * oldest queued command has waited {@code maxDelay}, on every checkpoint and at the end of input.
 * Nothing written before a checkpoint is lost when the job restarts from it (at least once);
 * idempotent commands make the keys as one run would leave them.
 *
 * <p>Hand-written because Flink 2 has no maintained Redis connector (Apache Bahir's targets the
 * removed SinkFunction API).
 */
public final class RedisSink<T> implements Sink<T> {

  private final URI uri;
  private final int batchSize;
  private final Duration maxDelay;
  private final RedisWrite<T> write;

  private RedisSink(URI uri, int batchSize, Duration maxDelay, RedisWrite<T> write) {
    this.uri = uri;
    this.batchSize = batchSize;
    this.maxDelay = maxDelay;
    this.write = write;
  }

  /**
   * @param url {@code redis://host:port} (or {@code rediss://} for TLS)
   * @param maxDelay how long a command waits in the pipeline at most, 1 ms or more
   * @throws IllegalArgumentException for a URL that is not a Redis URL, a batch size below 1 or a
   *     delay below 1 ms
   */
  public static <T> RedisSink<T> buildAtLeastOnce(
      String url, int batchSize, Duration maxDelay, RedisWrite<T> write) {
    Preconditions.checkArgument(
        url != null && (url.startsWith("redis://") || url.startsWith("rediss://")),
        "the Redis sink needs a redis:// URL, not %s",
        url);
    Preconditions.checkArgument(
        batchSize >= 1, "redis batch size must be at least 1, not %s", batchSize);
    Preconditions.checkArgument(
        maxDelay != null && maxDelay.toMillis() >= 1,
        "redis flush interval must be at least 1 ms, not %s",
        maxDelay);
    Preconditions.checkNotNull(write, "write");
    return new RedisSink<>(URI.create(url), batchSize, maxDelay, write);
  }

  /**
   * Server and batching from a job's {@code redis.*} options.
   *
   * @throws IllegalStateException in a {@link Backtest}, which never writes the live keys: a job
   *     wires its Redis sinks only when {@link JobOptions#writesRedis} holds
   */
  public static <T> RedisSink<T> fromOptions(Configuration config, RedisWrite<T> write) {
    Preconditions.checkState(
        Backtest.of(config).isEmpty(),
        "a backtest writes no Redis key: wire Redis sinks only when JobOptions.writesRedis(config)");
    return buildAtLeastOnce(
        config.get(JobOptions.REDIS_URL),
        config.get(JobOptions.REDIS_BATCH_SIZE),
        config.get(JobOptions.REDIS_FLUSH_INTERVAL),
        write);
  }

  @Override
  public SinkWriter<T> createWriter(WriterInitContext context) {
    return new RedisSinkWriter<>(
        uri,
        batchSize,
        maxDelay,
        context.getProcessingTimeService(),
        write,
        context.metricGroup().counter("redisCommandsFlushed"));
  }
}
