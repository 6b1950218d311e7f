package org.marketflow.benchmarks.report;

import static org.marketflow.benchmarks.report.BenchmarkReport.count;
import static org.marketflow.benchmarks.report.BenchmarkReport.line;
import static org.marketflow.benchmarks.report.BenchmarkReport.seconds;

import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Histogram;
import org.marketflow.benchmarks.latency.LatencyOptions;
import org.marketflow.benchmarks.latency.LatencyResult;

/** The plain-text report of a latency run. */
public final class LatencyReport {

  private static final String ROW = "%-26s%10s%10s%10s%10s%10s%10s%n";

  private LatencyReport() {}

  public static String format(LatencyResult result, RunEnvironment environment) {
    LatencyOptions options = result.options();
    StringBuilder out = new StringBuilder();
    BenchmarkReport.header(out, "MarketFlow microstructure latency benchmark", environment);
    line(
        out,
        "Market",
        count(Math.round(options.rate()))
            + " book updates/s of "
            + options.instruments()
            + " simulated books "
            + BenchmarkReport.instrumentRange(options.instruments())
            + ", each stamped with the wall clock as its receive (and exchange) time when handed to"
            + " NormalizedPublisher (acks=all, idempotent, lz4, "
            + options.publisherLinger().toMillis()
            + " ms linger)");
    line(
        out,
        "Run",
        options.warmup().toSeconds()
            + " s warm-up (the rate ramping up from a tenth), then "
            + options.measured().toSeconds()
            + " s measured; "
            + count(result.published())
            + " updates published, "
            + count(Math.round(result.achievedRate()))
            + " updates/s kept up in the measured window");
    line(
        out,
        "Job",
        "jobs-microstructure as JobRunner prepares it (Kafka sources, checkpoints every 10 s,"
            + " exactly-once Kafka sinks, Redis sink), parallelism "
            + options.parallelism()
            + ", on one MiniCluster; "
            + options.partitions()
            + " partitions on "
            + result.kafka());
    line(
        out,
        "Settings",
        String.format(
            Locale.ROOT,
            "watermark.out-of-orderness %d ms, watermark.interval %d ms, network.buffer-timeout"
                + " %d ms, redis.flush-interval %d ms, sink.kafka.delivery %s",
            options.outOfOrderness().toMillis(),
            options.watermarkInterval().toMillis(),
            options.bufferTimeout().toMillis(),
            options.redisFlushInterval().toMillis(),
            options.kafkaDelivery()));
    out.append('\n');
    out.append(
        "Latency = the tick's arrival on market:ticks:{id} minus its update's receive time\n");
    out.append("(ms), for every book update received in the measured window whose tick came.\n");
    out.append(String.format(Locale.ROOT, ROW, "", "ticks", "p50", "p95", "p99", "p99.9", "max"));
    row(out, "measured window", result.latencies().all());
    List<Histogram> slices = result.latencies().slices();
    long sliceS = LatencyOptions.SLICE.toSeconds();
    for (int i = 0; i < slices.size(); i++) {
      row(out, "  s " + i * sliceS + "-" + (i + 1) * sliceS, slices.get(i));
    }
    out.append('\n');
    double p99 = result.latencies().all().getValueAtPercentile(99) / 1_000.0;
    line(
        out,
        "Target",
        String.format(
            Locale.ROOT,
            "p99 %.1f ms against the aim of %d ms at %s updates/s",
            p99,
            LatencyOptions.TARGET_P99.toMillis(),
            count(Math.round(LatencyOptions.TARGET_RATE))));
    BenchmarkReport.check(
        out,
        result.problems(),
        "the publisher kept the rate and every measured tick matched a published update");
    line(out, "Whole run", seconds(result.wall()) + " s (broker, job start, publishing, drain)");
    return out.toString();
  }

  private static void row(StringBuilder out, String name, Histogram latencies) {
    out.append(
        String.format(
            Locale.ROOT,
            ROW,
            name,
            count(latencies.getTotalCount()),
            ms(latencies.getValueAtPercentile(50)),
            ms(latencies.getValueAtPercentile(95)),
            ms(latencies.getValueAtPercentile(99)),
            ms(latencies.getValueAtPercentile(99.9)),
            ms(latencies.getMaxValue())));
  }

  private static String ms(long micros) {
    return String.format(Locale.ROOT, "%.2f", micros / 1_000.0);
  }
}
