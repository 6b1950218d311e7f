package org.marketflow.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.marketflow.benchmarks.analytics.CorrelationUpdates;
import org.marketflow.benchmarks.analytics.WindowUpdate;
import org.marketflow.benchmarks.flink.AnalyticsRun;
import org.marketflow.benchmarks.flink.DataStreamAnalyticsJob;
import org.marketflow.benchmarks.flink.ExpectedAnalytics;
import org.marketflow.benchmarks.flink.LocalFlinkCluster;
import org.marketflow.benchmarks.kafka.BenchmarkTopic;
import org.marketflow.benchmarks.kafka.KafkaBroker;
import org.marketflow.benchmarks.kafka.RawTopicReader;
import org.marketflow.benchmarks.kafka.SyntheticMarket;
import org.marketflow.benchmarks.kafka.TopicLoader;
import org.marketflow.jobs.analytics.AnalyticsJob;
import org.marketflow.jobs.analytics.records.CorrelationWindow;
import org.marketflow.schemas.avro.OhlcBar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * First, without Kafka or Flink, one correlation update of each window with the job's code beside
 * commons-math3's batch recomputation (after a pass over the 1H window that is not recorded); then
 * loads the bars topic once and runs (a) raw reads and (b) the analytics job in turn, {@code runs}
 * times, on the same topic.
 */
public final class AnalyticsBenchmarkRunner {

  private static final Logger LOG = LoggerFactory.getLogger(AnalyticsBenchmarkRunner.class);

  private final AnalyticsBenchmarkOptions options;

  public AnalyticsBenchmarkRunner(AnalyticsBenchmarkOptions options) {
    this.options = options;
  }

  public AnalyticsBenchmarkResult run() throws Exception {
    long start = System.nanoTime();
    // A first pass over the 1H window, not recorded: the JIT compiles the correlation code (the
    // same
    // for every window) before the first figure is taken.
    CorrelationUpdates.measure(
        CorrelationWindow.H1,
        options.instruments(),
        AnalyticsBenchmarkOptions.WARM_UPS,
        options.updates());
    List<WindowUpdate> updates = new ArrayList<>();
    for (CorrelationWindow window : CorrelationWindow.values()) {
      WindowUpdate update =
          CorrelationUpdates.measure(
              window, options.instruments(), AnalyticsBenchmarkOptions.WARM_UPS, options.updates());
      LOG.info(
          "{} update of {} instruments: job {} ms, commons-math3 {} ms (medians)",
          window.label(),
          options.instruments(),
          Math.round(update.stepMs()),
          Math.round(update.batchMs()));
      updates.add(update);
    }
    try (KafkaBroker kafka = KafkaBroker.open(options.bootstrapServers())) {
      return kafka.onFreshTopics(
          List.of("marketflow.bench.bars." + System.currentTimeMillis()),
          options.partitions(),
          topics -> measure(kafka, topics.get(0), updates, start));
    }
  }

  private AnalyticsBenchmarkResult measure(
      KafkaBroker kafka, BenchmarkTopic topic, List<WindowUpdate> updates, long start)
      throws Exception {
    List<OhlcBar> bars = SyntheticMarket.minuteBars(options.instruments(), options.minutes());
    ExpectedAnalytics expected = ExpectedAnalytics.of(bars, AnalyticsJob.Settings.defaults());
    LOG.info("loading {} bars into {}", bars.size(), topic.name());
    TopicLoader.Load load = TopicLoader.bars(topic, bars);
    LOG.info("loaded in {} ms", load.wall().toMillis());
    Map<TopicPartition, Long> endOffsets = topic.endOffsetsHolding(bars.size());
    List<RawTopicReader.Read> raw = new ArrayList<>();
    List<AnalyticsRun> job = new ArrayList<>();
    try (LocalFlinkCluster flink = LocalFlinkCluster.start(options.parallelism())) {
      for (int run = 1; run <= options.runs(); run++) {
        raw.add(RawTopicReader.read(topic.bootstrapServers(), endOffsets, options.parallelism()));
        log(run, "(a) raw", raw.get(run - 1).wall(), bars.size());
        job.add(DataStreamAnalyticsJob.run(flink, BenchmarkRunner.source(topic, "analytics", run)));
        log(run, "(b) analytics", job.get(run - 1).wall(), bars.size());
      }
    }
    return new AnalyticsBenchmarkResult(
        options,
        updates,
        kafka.description(),
        load,
        raw,
        job,
        expected,
        Duration.ofNanos(System.nanoTime() - start));
  }

  private void log(int run, String measurement, Duration wall, long bars) {
    BenchmarkRunner.logRun(LOG, run, options.runs(), measurement, wall, bars);
  }
}
