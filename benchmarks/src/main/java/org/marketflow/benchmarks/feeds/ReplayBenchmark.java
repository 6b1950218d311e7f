package org.marketflow.benchmarks.feeds;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.marketflow.benchmarks.kafka.BenchmarkTopic;
import org.marketflow.benchmarks.kafka.KafkaBroker;
import org.marketflow.benchmarks.report.RunEnvironment;
import org.marketflow.ingest.feed.Discard;
import org.marketflow.ingest.kafka.NormalizedPublisher;
import org.marketflow.ingest.replay.Pacer;
import org.marketflow.ingest.replay.Replay;
import org.marketflow.ingest.replay.ReplayStats;
import org.marketflow.schemas.kafka.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code scripts/bench-feeds.sh replay}: the rate of a recording's replay into Kafka, {@code new
 * Replay(new NormalizedPublisher(bootstrap), Pacer.asFastAsPossible()).replay(file)}, beside the
 * rate of a bare {@code KafkaProducer} sending the same records already encoded, on an in-process
 * broker, interleaved in one JVM. Also the replay's cost without Kafka: into an output that encodes
 * each record as the publisher does and drops it, and into one that does nothing.
 */
@Command(
    name = "bench-feeds.sh replay",
    sortOptions = false,
    mixinStandardHelpOptions = true,
    description = "Replay of a recording into Kafka against the raw producer rate.")
public final class ReplayBenchmark implements Callable<Integer> {

  private static final Logger LOG = LoggerFactory.getLogger(ReplayBenchmark.class);

  @Option(
      names = "--recording",
      defaultValue = BinanceDepthRecording.DEFAULT_FILE,
      description = "The recording to replay (default ${DEFAULT-VALUE}).")
  Path recording;

  @Option(
      names = "--passes",
      defaultValue = "10",
      description = "Replays of the recording in one measurement (default ${DEFAULT-VALUE}).")
  int passes;

  @Option(
      names = "--runs",
      defaultValue = "5",
      description = "Repetitions of each measurement, interleaved (default ${DEFAULT-VALUE}).")
  int runs;

  @Option(
      names = "--partitions",
      defaultValue = "4",
      description =
          "Partitions of each topic, as the ingest command creates them (default"
              + " ${DEFAULT-VALUE}).")
  int partitions;

  /** Wall times of one measurement ({@code passes} passes), one per run. */
  record Measurement(String name, List<Duration> walls) {
    double medianSeconds() {
      List<Long> nanos = walls.stream().map(Duration::toNanos).sorted().toList();
      int n = nanos.size();
      return (n % 2 == 1 ? nanos.get(n / 2) : (nanos.get(n / 2 - 1) + nanos.get(n / 2)) / 2.0)
          / 1e9;
    }

    double bestSeconds() {
      return walls.stream().mapToLong(Duration::toNanos).min().orElseThrow() / 1e9;
    }
  }

  @Override
  public Integer call() throws Exception {
    if (passes <= 0 || runs <= 0 || partitions <= 0) {
      throw new IllegalArgumentException("--passes, --runs and --partitions must be positive");
    }
    double loadAtStart = RunEnvironment.loadAverage();
    long start = System.nanoTime();
    try (KafkaBroker kafka = KafkaBroker.open(null)) {
      String bootstrap = kafka.bootstrapServers();
      List<BenchmarkTopic> topics = new ArrayList<>();
      for (String topic : List.of(Topics.TRADES, Topics.QUOTES, Topics.BOOK, Topics.STATUS)) {
        topics.add(BenchmarkTopic.create(bootstrap, topic, partitions));
      }
      topics.add(BenchmarkTopic.create(bootstrap, Topics.DEAD_LETTERS, partitions));

      EncodedRecords encoded = EncodedRecords.kept();
      ReplayStats stats = new Replay(encoded, Pacer.asFastAsPossible()).replay(recording);
      List<ProducerRecord<byte[], byte[]>> records = encoded.records();
      LOG.info("{}: {} lines, {} records to publish", recording, stats.lines(), records.size());

      Measurement raw = new Measurement("(a) raw KafkaProducer, pre-encoded", new ArrayList<>());
      Measurement replay = new Measurement("(b) Replay into Kafka", new ArrayList<>());
      Measurement encodeOnly =
          new Measurement("(c) Replay, records encoded, no Kafka", new ArrayList<>());
      Measurement feedOnly = new Measurement("(d) Replay, records dropped", new ArrayList<>());
      try (KafkaProducer<byte[], byte[]> producer = rawProducer(bootstrap);
          NormalizedPublisher publisher = new NormalizedPublisher(bootstrap)) {
        Replay intoKafka = new Replay(publisher, Pacer.asFastAsPossible());
        for (int run = 1; run <= runs; run++) {
          raw.walls().add(time(() -> sendRaw(producer, records)));
          replay.walls().add(time(() -> check(intoKafka.replay(recording), stats)));
          EncodedRecords dropped = EncodedRecords.dropped();
          encodeOnly
              .walls()
              .add(time(() -> new Replay(dropped, Pacer.asFastAsPossible()).replay(recording)));
          feedOnly
              .walls()
              .add(
                  time(
                      () ->
                          new Replay(Discard.INSTANCE, Pacer.asFastAsPossible())
                              .replay(recording)));
          if (dropped.count() != (long) passes * records.size()) {
            throw new IllegalStateException(
                "the replay encoded " + dropped.count() + " records, not " + records.size());
          }
          LOG.info(
              "run {}/{}: raw {} ms, replay {} ms, no Kafka {} ms, dropped {} ms",
              run,
              runs,
              last(raw),
              last(replay),
              last(encodeOnly),
              last(feedOnly));
        }
      }
      long published =
          topics.stream()
              .flatMap(t -> t.endOffsets().values().stream())
              .mapToLong(Long::longValue)
              .sum();
      long expected = 2L * runs * passes * records.size();
      if (published != expected) {
        throw new IllegalStateException(
            "the topics hold " + published + " records, not " + expected);
      }
      RunEnvironment environment =
          RunEnvironment.current(ReplayBenchmark.class, new String[0], loadAtStart);
      System.out.print(
          report(
              environment,
              kafka.description(),
              stats.lines(),
              records.size(),
              List.of(raw, replay, encodeOnly, feedOnly),
              Duration.ofNanos(System.nanoTime() - start)));
    }
    return 0;
  }

  /** A bare producer with {@link NormalizedPublisher}'s settings. */
  private static KafkaProducer<byte[], byte[]> rawProducer(String bootstrap) {
    return new KafkaProducer<>(
        NormalizedPublisher.producerConfig(bootstrap),
        new ByteArraySerializer(),
        new ByteArraySerializer());
  }

  /** One pass: the records of one replay, then a flush, as a replay ends with a flush. */
  private static void sendRaw(
      KafkaProducer<byte[], byte[]> producer, List<ProducerRecord<byte[], byte[]>> records) {
    AtomicReference<Exception> failure = new AtomicReference<>();
    Callback onFailure =
        (metadata, e) -> {
          if (e != null) {
            failure.compareAndSet(null, e);
          }
        };
    for (ProducerRecord<byte[], byte[]> record : records) {
      producer.send(record, onFailure);
    }
    producer.flush();
    if (failure.get() != null) {
      throw new IllegalStateException("sending failed", failure.get());
    }
  }

  private static void check(ReplayStats stats, ReplayStats expected) {
    if (stats.lines() != expected.lines() || stats.bookUpdates() != expected.bookUpdates()) {
      throw new IllegalStateException("the replay into Kafka read " + stats + ", not " + expected);
    }
  }

  private interface Pass {
    void run() throws Exception;
  }

  private Duration time(Pass pass) throws Exception {
    long start = System.nanoTime();
    for (int i = 0; i < passes; i++) {
      pass.run();
    }
    return Duration.ofNanos(System.nanoTime() - start);
  }

  private static long last(Measurement measurement) {
    return measurement.walls().get(measurement.walls().size() - 1).toMillis();
  }

  String report(
      RunEnvironment environment,
      String kafka,
      long lines,
      long records,
      List<Measurement> measurements,
      Duration whole) {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            "Replay benchmark: %s, %,d lines -> %,d Kafka records per pass, %d passes per"
                + " measurement, %d runs%n",
            recording, lines, records, passes, runs));
    out.append(
        String.format(
            "Machine: %d cores, %s %s, max heap %d MiB, %s; %s; load average %.2f -> %.2f%n",
            environment.availableProcessors(),
            environment.vm(),
            environment.javaVersion(),
            environment.maxHeapBytes() >> 20,
            environment.os(),
            kafka,
            environment.loadAtStart(),
            environment.loadAtEnd()));
    out.append(
        String.format("%-40s %14s %14s %14s%n", "", "lines/s", "records/s", "records/s best"));
    double rawMedian = measurements.get(0).medianSeconds();
    double rawBest = measurements.get(0).bestSeconds();
    for (Measurement m : measurements) {
      double seconds = m.medianSeconds();
      out.append(
          String.format(
              "%-40s %,14d %,14d %,14d   runs (ms): %s%n",
              m.name(),
              Math.round(passes * lines / seconds),
              Math.round(passes * records / seconds),
              Math.round(passes * records / m.bestSeconds()),
              m.walls().stream().map(d -> Long.toString(d.toMillis())).toList()));
    }
    double replayMedian = measurements.get(1).medianSeconds();
    out.append(
        String.format(
            "Replay into Kafka / raw producer, same records: %.3f (median), %.3f (best)%n",
            rawMedian / replayMedian, rawBest / measurements.get(1).bestSeconds()));
    out.append(String.format("Whole run: %.1f s%n", whole.toNanos() / 1e9));
    return out.toString();
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new ReplayBenchmark()).execute(args));
  }
}
