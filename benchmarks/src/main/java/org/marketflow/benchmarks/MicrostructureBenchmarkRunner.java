package org.marketflow.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.marketflow.benchmarks.flink.DataStreamMicrostructureJob;
import org.marketflow.benchmarks.flink.FinalBooks;
import org.marketflow.benchmarks.flink.LocalFlinkCluster;
import org.marketflow.benchmarks.flink.MicrostructureRun;
import org.marketflow.benchmarks.flink.PlainBookJob;
import org.marketflow.benchmarks.kafka.BenchmarkTopic;
import org.marketflow.benchmarks.kafka.BookTape;
import org.marketflow.benchmarks.kafka.KafkaBroker;
import org.marketflow.benchmarks.kafka.RawTopicReader;
import org.marketflow.benchmarks.kafka.SyntheticMarket;
import org.marketflow.benchmarks.kafka.TopicLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the book topic once (with empty trades and status topics beside it), then runs (a) raw
 * reads, (b) the microstructure job and (c) a plain MapState book in turn, {@code runs} times, all
 * on the same topic.
 */
public final class MicrostructureBenchmarkRunner {

  private static final Logger LOG = LoggerFactory.getLogger(MicrostructureBenchmarkRunner.class);

  private final MicrostructureBenchmarkOptions options;

  public MicrostructureBenchmarkRunner(MicrostructureBenchmarkOptions options) {
    this.options = options;
  }

  public MicrostructureBenchmarkResult run() throws Exception {
    long start = System.nanoTime();
    try (KafkaBroker kafka = KafkaBroker.open(options.bootstrapServers())) {
      String prefix = "marketflow.bench." + System.currentTimeMillis() + ".";
      return kafka.onFreshTopics(
          List.of(prefix + "book", prefix + "trades", prefix + "status"),
          options.partitions(),
          topics -> measure(kafka, topics.get(0), topics.get(1), topics.get(2), start));
    }
  }

  private MicrostructureBenchmarkResult measure(
      KafkaBroker kafka,
      BenchmarkTopic book,
      BenchmarkTopic trades,
      BenchmarkTopic status,
      long start)
      throws Exception {
    LOG.info("loading {} book updates into {}", options.updates(), book.name());
    BookTape tape = SyntheticMarket.books(options.instruments(), options.eventsPerSecond());
    FinalBooks expected = new FinalBooks();
    TopicLoader.Load load =
        TopicLoader.books(book, () -> expected.apply(tape.get()), options.updates());
    LOG.info("loaded in {} ms", load.wall().toMillis());
    Map<TopicPartition, Long> endOffsets = book.endOffsetsHolding(options.updates());
    List<RawTopicReader.Read> raw = new ArrayList<>();
    List<MicrostructureRun> job = new ArrayList<>();
    List<PlainBookJob.BookRun> plain = new ArrayList<>();
    try (LocalFlinkCluster flink = LocalFlinkCluster.start(options.parallelism())) {
      for (int run = 1; run <= options.runs(); run++) {
        raw.add(RawTopicReader.read(book.bootstrapServers(), endOffsets, options.parallelism()));
        log(run, "(a) raw", raw.get(run - 1).wall());
        job.add(
            DataStreamMicrostructureJob.run(
                flink,
                BenchmarkRunner.source(book, "microstructure", run),
                trades.name(),
                status.name()));
        log(run, "(b) microstructure", job.get(run - 1).wall());
        plain.add(PlainBookJob.run(flink, BenchmarkRunner.source(book, "plain-book", run)));
        log(run, "(c) MapState book", plain.get(run - 1).wall());
      }
    }
    return new MicrostructureBenchmarkResult(
        options,
        kafka.description(),
        load,
        raw,
        job,
        plain,
        expected.microstructureSeconds(),
        expected.stateBytes(),
        Duration.ofNanos(System.nanoTime() - start));
  }

  private void log(int run, String measurement, Duration wall) {
    BenchmarkRunner.logRun(LOG, run, options.runs(), measurement, wall, options.updates());
  }
}
