package org.marketflow.benchmarks.latency;

import java.time.Duration;
import org.apache.flink.connector.base.DeliveryGuarantee;

/**
 * What one run of the latency benchmark does.
 *
 * @param rate book updates published per second, all books together
 * @param warmup publishing before the measured window: the job's start-up, the idle topics'
 *     idleness and the JIT's warm-up
 * @param measured the measured window
 * @param instruments simulated books
 * @param partitions partitions of the book topic
 * @param parallelism Flink parallelism
 * @param redisUrl the Redis the job writes and the benchmark subscribes to
 * @param outOfOrderness the job's {@code watermark.out-of-orderness}
 * @param watermarkInterval the job's {@code watermark.interval}
 * @param bufferTimeout the job's {@code network.buffer-timeout}
 * @param redisFlushInterval the job's {@code redis.flush-interval}
 * @param kafkaDelivery the job's {@code sink.kafka.delivery}
 * @param publisherLinger the feed handler's producer linger ({@code ingest --linger-ms})
 */
public record LatencyOptions(
    double rate,
    Duration warmup,
    Duration measured,
    int instruments,
    int partitions,
    int parallelism,
    String redisUrl,
    Duration outOfOrderness,
    Duration watermarkInterval,
    Duration bufferTimeout,
    Duration redisFlushInterval,
    DeliveryGuarantee kafkaDelivery,
    Duration publisherLinger) {

  /** The sustained rate, book updates/s. */
  public static final double TARGET_RATE = 50_000;

  /** The aim for the 99th percentile. */
  public static final Duration TARGET_P99 = Duration.ofMillis(10);

  /** The measured window is reported in slices of this length, to show the latency holds. */
  public static final Duration SLICE = Duration.ofSeconds(5);
}
