package org.marketflow.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.apache.kafka.common.TopicPartition;
import org.marketflow.benchmarks.flink.DataStreamMicrostructureJob;
import org.marketflow.benchmarks.flink.FinalBooks;
import org.marketflow.benchmarks.flink.LocalFlinkCluster;
import org.marketflow.benchmarks.flink.MicrostructureRun;
import org.marketflow.benchmarks.flink.PlainBookJob;
import org.marketflow.benchmarks.flink.ShuffleFloorJob;
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
 * reads, (b) the microstructure job, (c) a plain MapState book and (d) Flink's floor for a keyed
 * job in turn, {@code runs} times, all on the same topic.
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
    List<ShuffleFloorJob.FloorRun> floor = new ArrayList<>();
    List<ShuffleFloorJob.FloorRun> decodingFloor = new ArrayList<>();
    MicrostructureBenchmarkResult.CpuTimes cpu = MicrostructureBenchmarkResult.CpuTimes.empty();
    try (LocalFlinkCluster flink = LocalFlinkCluster.start(options.parallelism())) {
      for (int run = 1; run <= options.runs(); run++) {
        int r = run;
        measure(
            run,
            "(a) raw",
            raw,
            cpu.raw(),
            RawTopicReader.Read::wall,
            () -> RawTopicReader.read(book.bootstrapServers(), endOffsets, options.parallelism()));
        measure(
            run,
            "(b) microstructure",
            job,
            cpu.job(),
            MicrostructureRun::wall,
            () ->
                DataStreamMicrostructureJob.run(
                    flink,
                    BenchmarkRunner.source(book, "microstructure", r),
                    trades.name(),
                    status.name()));
        measure(
            run,
            "(c) MapState book",
            plain,
            cpu.plain(),
            PlainBookJob.BookRun::wall,
            () -> PlainBookJob.run(flink, BenchmarkRunner.source(book, "plain-book", r)));
        measure(
            run,
            "(d) shuffle floor",
            floor,
            cpu.floor(),
            ShuffleFloorJob.FloorRun::wall,
            () ->
                ShuffleFloorJob.run(
                    flink, BenchmarkRunner.source(book, "shuffle-floor", r), false));
        measure(
            run,
            "(e) shuffle floor, decoding",
            decodingFloor,
            cpu.decodingFloor(),
            ShuffleFloorJob.FloorRun::wall,
            () ->
                ShuffleFloorJob.run(
                    flink, BenchmarkRunner.source(book, "decoding-floor", r), true));
      }
    }
    return new MicrostructureBenchmarkResult(
        options,
        kafka.description(),
        load,
        raw,
        job,
        plain,
        floor,
        decodingFloor,
        cpu,
        expected.microstructureSeconds(),
        expected.stateBytes(),
        Duration.ofNanos(System.nanoTime() - start));
  }

  /** Runs one measurement, keeps its result and its CPU time, and logs its rate. */
  private <T> void measure(
      int run,
      String name,
      List<T> results,
      List<Duration> cpu,
      Function<T, Duration> wall,
      Callable<T> measurement)
      throws Exception {
    T result = ProcessCpu.measure(measurement, cpu);
    results.add(result);
    log(run, name, wall.apply(result));
  }

  private void log(int run, String measurement, Duration wall) {
    BenchmarkRunner.logRun(LOG, run, options.runs(), measurement, wall, options.updates());
  }
}
