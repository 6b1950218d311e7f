package org.marketflow.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.marketflow.benchmarks.flink.BarComparison;
import org.marketflow.benchmarks.flink.BarsFieldCheck;
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
import org.marketflow.schemas.bars.BarInterval;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the topic once, checks the SQL table decodes it, then runs (a) raw reads, (b) the
 * DataStream job and (c) the SQL query for 1-minute bars, (d) the job and (e) the SQL query for all
 * seven intervals in turn, {@code runs} times, all on the same topic; then, outside the
 * measurements, compares (d)'s bars with (e)'s field by field.
 */
public final class BenchmarkRunner {

  private static final Logger LOG = LoggerFactory.getLogger(BenchmarkRunner.class);

  private static final List<BarInterval> ONE_MINUTE = List.of(BarInterval.M1);

  private final BenchmarkOptions options;

  public BenchmarkRunner(BenchmarkOptions options) {
    this.options = options;
  }

  public BenchmarkResult run() throws Exception {
    long start = System.nanoTime();
    try (KafkaBroker kafka = KafkaBroker.open(options.bootstrapServers())) {
      return kafka.onFreshTopics(
          List.of("marketflow.bench.trades." + System.currentTimeMillis()),
          options.partitions(),
          topics -> measure(kafka, topics.get(0), start));
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
    List<BarsRun> dataStreamAll = new ArrayList<>();
    List<BarsRun> sqlAll = new ArrayList<>();
    List<BarInterval> all = DataStreamBarsJob.DEFAULT_INTERVALS;
    int decodingChecked;
    BarComparison.Result fieldCheck;
    try (LocalFlinkCluster flink = LocalFlinkCluster.start(options.parallelism())) {
      decodingChecked =
          SqlDecodingCheck.verify(flink, source(topic, "sql-decoding", 0), endOffsets);
      LOG.info("the SQL table decodes the first {} records as AvroCodec does", decodingChecked);
      for (int run = 1; run <= options.runs(); run++) {
        raw.add(RawTopicReader.read(topic.bootstrapServers(), endOffsets, options.parallelism()));
        log(run, "(a) raw", raw.get(run - 1).wall());
        dataStream.add(DataStreamBarsJob.run(flink, source(topic, "datastream", run), ONE_MINUTE));
        log(run, "(b) DataStream 1m", dataStream.get(run - 1).wall());
        sql.add(SqlBarsJob.run(flink, source(topic, "sql", run), ONE_MINUTE));
        log(run, "(c) SQL 1m", sql.get(run - 1).wall());
        dataStreamAll.add(DataStreamBarsJob.run(flink, source(topic, "datastream-all", run), all));
        log(run, "(d) DataStream all intervals", dataStreamAll.get(run - 1).wall());
        sqlAll.add(SqlBarsJob.run(flink, source(topic, "sql-all", run), all));
        log(run, "(e) SQL all intervals", sqlAll.get(run - 1).wall());
      }
      long checkStart = System.nanoTime();
      fieldCheck =
          BarsFieldCheck.run(
              flink,
              source(topic, "check-datastream", 0),
              source(topic, "check-sql", 0),
              all,
              options.trades());
      LOG.info(
          "field check: {} bars compared in {} ms, {} problems",
          fieldCheck.comparedBars(),
          Duration.ofNanos(System.nanoTime() - checkStart).toMillis(),
          fieldCheck.problems().size());
    }
    return new BenchmarkResult(
        options,
        kafka.description(),
        load,
        decodingChecked,
        raw,
        dataStream,
        sql,
        dataStreamAll,
        sqlAll,
        fieldCheck,
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
