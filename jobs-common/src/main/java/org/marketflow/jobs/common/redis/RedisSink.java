package org.marketflow.jobs.common.redis;

import java.net.URI;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.util.Preconditions;
import org.marketflow.jobs.common.options.JobOptions;

/**
 * Records into Redis with Jedis, pipelined: each writer queues the commands of {@link RedisWrite}
 * on one connection and sends them in one round trip every {@code batchSize} records, on every
 * checkpoint and at the end of input. Nothing written before a checkpoint is lost when the job
 * restarts from it (at least once); idempotent commands make the keys as one run would leave them.
 *
 * <p>Hand-written because Flink 2 has no maintained Redis connector (Apache Bahir's targets the
 * removed SinkFunction API).
 */
public final class RedisSink<T> implements Sink<T> {

  private final URI uri;
  private final int batchSize;
  private final RedisWrite<T> write;

  private RedisSink(URI uri, int batchSize, RedisWrite<T> write) {
    this.uri = uri;
    this.batchSize = batchSize;
    this.write = write;
  }

  /**
   * @param url {@code redis://host:port} (or {@code rediss://} for TLS)
   * @throws IllegalArgumentException for a URL that is not a Redis URL, or a batch size below 1
   */
  public static <T> RedisSink<T> buildAtLeastOnce(String url, int batchSize, RedisWrite<T> write) {
    Preconditions.checkArgument(
        url != null && (url.startsWith("redis://") || url.startsWith("rediss://")),
        "the Redis sink needs a redis:// URL, not %s",
        url);
    Preconditions.checkArgument(
        batchSize >= 1, "redis batch size must be at least 1, not %s", batchSize);
    Preconditions.checkNotNull(write, "write");
    return new RedisSink<>(URI.create(url), batchSize, write);
  }

  /** Server and batching from a job's {@code redis.*} options. */
  public static <T> RedisSink<T> fromOptions(Configuration config, RedisWrite<T> write) {
    return buildAtLeastOnce(
        config.get(JobOptions.REDIS_URL), config.get(JobOptions.REDIS_BATCH_SIZE), write);
  }

  @Override
  public SinkWriter<T> createWriter(WriterInitContext context) {
    return new RedisSinkWriter<>(
        uri, batchSize, write, context.metricGroup().counter("redisCommandsFlushed"));
  }
}
