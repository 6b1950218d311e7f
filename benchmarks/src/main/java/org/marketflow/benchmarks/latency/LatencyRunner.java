package org.marketflow.benchmarks.latency;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.flink.api.common.JobID;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.marketflow.benchmarks.flink.LocalFlinkCluster;
import org.marketflow.benchmarks.kafka.BenchmarkTopic;
import org.marketflow.benchmarks.kafka.KafkaBroker;
import org.marketflow.benchmarks.kafka.SyntheticMarket;
import org.marketflow.jobs.common.JobRunner;
import org.marketflow.jobs.common.options.JobConfigBuilder;
import org.marketflow.jobs.common.options.JobOptions;
import org.marketflow.jobs.microstructure.MicrostructureJob;
import org.marketflow.jobs.microstructure.MicrostructureOptions;
import org.marketflow.schemas.redis.RedisKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs jobs-microstructure as it runs in production ({@code JobRunner.prepare}: its Kafka sources,
 * checkpoints, Kafka and Redis sinks) on an in-process Kafka and a MiniCluster, publishes simulated
 * book updates at a steady rate stamped with the wall clock, and measures each update's receive
 * time to its tick's {@code PUBLISH} on {@code market:ticks:{id}}.
 */
public final class LatencyRunner {

  private static final Logger LOG = LoggerFactory.getLogger(LatencyRunner.class);

  /** The empty trades and status topics stop holding the watermark back after this. */
  private static final Duration IDLENESS = Duration.ofSeconds(2);

  /** How long the job may take to deploy and tick on the books' first snapshots. */
  private static final Duration JOB_START_TIMEOUT = Duration.ofMinutes(1);

  private final LatencyOptions options;

  public LatencyRunner(LatencyOptions options) {
    this.options = options;
  }

  public LatencyResult run() throws Exception {
    long start = System.nanoTime();
    try (KafkaBroker kafka = KafkaBroker.open(null);
        LocalFlinkCluster flink = LocalFlinkCluster.start(options.parallelism())) {
      String prefix = "marketflow.latency." + System.currentTimeMillis() + ".";
      String namespace = "bench" + System.currentTimeMillis() + ":";
      // Under java.io.tmpdir, which the script removes after the run.
      Path checkpoints = Files.createTempDirectory("checkpoints");
      Configuration config = config(kafka.bootstrapServers(), prefix, namespace, checkpoints);

      long warmupUs = options.warmup().toNanos() / 1_000L;
      long measuredUs = options.measured().toNanos() / 1_000L;
      long sliceUs = LatencyOptions.SLICE.toNanos() / 1_000L;
      ReceiveTimes receiveTimes = new ReceiveTimes();
      LOG.info("simulating the updates to publish");
      PacedBookPublisher publisher =
          new PacedBookPublisher(
              kafka.bootstrapServers(),
              prefix + "book",
              SyntheticMarket.books(options.instruments(), options.rate()),
              options.rate(),
              warmupUs * 1_000L,
              measuredUs * 1_000L,
              options.instruments(),
              receiveTimes,
              options.publisherLinger());

      StreamExecutionEnvironment env = flink.environment();
      JobRunner.prepare(new MicrostructureJob(), env, config);
      JobID job = flink.submit(env, "bench-microstructure-latency");

      TickSubscriber subscriber =
          new TickSubscriber(
              options.redisUrl(),
              namespace + RedisKeys.TICKS_CHANNEL,
              receiveTimes,
              sliceUs,
              (int) Math.ceil((double) measuredUs / sliceUs));
      Thread subscribing = new Thread(subscriber, "tick-subscriber");
      subscribing.setDaemon(true); // a failed run must not hang the JVM on its subscription
      subscribing.start();
      subscriber.awaitSubscribed();

      LOG.info(
          "publishing {} book updates/s for {} s ({} s warm-up)",
          options.rate(),
          (warmupUs + measuredUs) / 1_000_000L,
          warmupUs / 1_000_000L);
      publisher.run(
          () -> subscriber.ticks() > 0,
          JOB_START_TIMEOUT,
          startUs -> subscriber.measureFrom(startUs + warmupUs));
      subscriber.awaitQuiet(2_000, 60_000);
      subscriber.punsubscribe();
      subscribing.join();
      flink.cancel(job);
      return new LatencyResult(
          options,
          kafka.description(),
          publisher.published(),
          publisher.achievedRate(),
          subscriber.latencies(),
          Duration.ofNanos(System.nanoTime() - start));
    }
  }

  private Configuration config(
      String bootstrapServers, String prefix, String namespace, Path checkpoints) {
    for (String topic :
        new String[] {
          "book",
          "trades",
          "status",
          "ticks",
          "book-snapshots",
          "microstructure",
          "liquidity",
          "book-status",
          "prediction-pairs",
          "dead-letters"
        }) {
      BenchmarkTopic.create(bootstrapServers, prefix + topic, options.partitions());
    }
    return JobConfigBuilder.live(bootstrapServers, prefix + "group")
        .redis(options.redisUrl())
        .set(MicrostructureOptions.REDIS_NAMESPACE, namespace)
        .set(MicrostructureOptions.BOOK_TOPIC, prefix + "book")
        .set(MicrostructureOptions.TRADES_TOPIC, prefix + "trades")
        .set(MicrostructureOptions.STATUS_TOPIC, prefix + "status")
        .set(MicrostructureOptions.TICKS_TOPIC, prefix + "ticks")
        .set(MicrostructureOptions.BOOK_SNAPSHOTS_TOPIC, prefix + "book-snapshots")
        .set(MicrostructureOptions.MICROSTRUCTURE_TOPIC, prefix + "microstructure")
        .set(MicrostructureOptions.LIQUIDITY_TOPIC, prefix + "liquidity")
        .set(MicrostructureOptions.BOOK_STATUS_TOPIC, prefix + "book-status")
        .set(MicrostructureOptions.PREDICTION_PAIRS_TOPIC, prefix + "prediction-pairs")
        .set(JobOptions.DEAD_LETTERS_TOPIC, prefix + "dead-letters")
        .set(JobOptions.IDLENESS, IDLENESS)
        .set(JobOptions.CHECKPOINT_DIR, checkpoints.toUri().toString())
        .set(JobOptions.OUT_OF_ORDERNESS, options.outOfOrderness())
        .set(JobOptions.WATERMARK_INTERVAL, options.watermarkInterval())
        .set(JobOptions.BUFFER_TIMEOUT, options.bufferTimeout())
        .set(JobOptions.REDIS_FLUSH_INTERVAL, options.redisFlushInterval())
        .set(JobOptions.KAFKA_DELIVERY, options.kafkaDelivery())
        .build();
  }
}
