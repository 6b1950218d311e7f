package org.marketflow.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.marketflow.benchmarks.flink.BarsRun;
import org.marketflow.benchmarks.flink.DataStreamBarsJob;
import org.marketflow.benchmarks.flink.KafkaTopicSource;
import org.marketflow.benchmarks.flink.LocalFlinkCluster;
import org.marketflow.benchmarks.flink.SqlBarsJob;
import org.marketflow.benchmarks.flink.SqlDecodingCheck;
import org.marketflow.benchmarks.kafka.BenchmarkTopic;
import org.marketflow.benchmarks.kafka.KafkaBroker;
import org.marketflow.benchmarks.kafka.RawTopicReader;
import org.marketflow.benchmarks.kafka.SyntheticMarket;
import org.marketflow.benchmarks.kafka.TopicLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the topic once, checks the SQL table decodes it, then runs (a) raw reads, (b) the
 * DataStream job and (c) the SQL query in turn, {@code runs} times, all on the same topic.
 */
public final class BenchmarkRunner {

  private static final Logger LOG = LoggerFactory.getLogger(BenchmarkRunner.class);

  private final BenchmarkOptions options;

  public BenchmarkRunner(BenchmarkOptions options) {
    this.options = options;
  }

  public BenchmarkResult run() throws Exception {
    long start = System.nanoTime();
    try (KafkaBroker kafka = KafkaBroker.open(options.bootstrapServers())) {
      BenchmarkTopic topic =
          BenchmarkTopic.create(
              kafka.bootstrapServers(),
              "marketflow.bench.trades." + System.currentTimeMillis(),
              options.partitions());
      try {
        return measure(kafka, topic, start);
      } finally {
        // An in-process broker deletes its log directory on close; a shared one must be tidied.
        if (!kafka.inProcess()) {
          topic.delete();
        }
      }
    }
  }

  private BenchmarkResult measure(KafkaBroker kafka, BenchmarkTopic topic, long start)
      throws Exception {
    LOG.info("loading {} trades into {}", options.trades(), topic.name());
    TopicLoader.Load load =
        TopicLoader.trades(
            topic,
            SyntheticMarket.tape(options.instruments(), options.tradesPerSecond()),
            options.trades());
    LOG.info("loaded in {} ms", load.wall().toMillis());
    Map<TopicPartition, Long> endOffsets = topic.endOffsetsHolding(options.trades());
    List<RawTopicReader.Read> raw = new ArrayList<>();
    List<BarsRun> dataStream = new ArrayList<>();
    List<BarsRun> sql = new ArrayList<>();
    int decodingChecked;
    try (LocalFlinkCluster flink = LocalFlinkCluster.start(options.parallelism())) {
      decodingChecked =
          SqlDecodingCheck.verify(flink, source(topic, "sql-decoding", 0), endOffsets);
      LOG.info("the SQL table decodes the first {} records as AvroCodec does", decodingChecked);
      for (int run = 1; run <= options.runs(); run++) {
        raw.add(RawTopicReader.read(topic.bootstrapServers(), endOffsets, options.parallelism()));
        log(run, "(a) raw", raw.get(run - 1).wall());
        dataStream.add(DataStreamBarsJob.run(flink, source(topic, "datastream", run)));
        log(run, "(b) DataStream", dataStream.get(run - 1).wall());
        sql.add(SqlBarsJob.run(flink, source(topic, "sql", run)));
        log(run, "(c) SQL", sql.get(run - 1).wall());
      }
    }
    return new BenchmarkResult(
        options,
        kafka.description(),
        load,
        decodingChecked,
        raw,
        dataStream,
        sql,
        Duration.ofNanos(System.nanoTime() - start));
  }

  /** The topic as the Flink job {@code job} of run {@code run} reads it, in a group of its own. */
  static KafkaTopicSource source(BenchmarkTopic topic, String job, int run) {
    return new KafkaTopicSource(
        topic.bootstrapServers(), topic.name(), topic.name() + "." + job + "." + run);
  }

  private void log(int run, String measurement, Duration wall) {
    logRun(LOG, run, options.runs(), measurement, wall, options.trades());
  }

  /** Logs one measurement of {@code records} records as it finishes. */
  static void logRun(
      Logger log, int run, int runs, String measurement, Duration wall, long records) {
    log.info(
        "run {}/{} {}: {} ms, {} records/s",
        run,
        runs,
        measurement,
        wall.toMillis(),
        Math.round(records / (wall.toNanos() / 1e9)));
  }
}
