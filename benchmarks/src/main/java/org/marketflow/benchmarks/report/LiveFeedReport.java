package org.marketflow.benchmarks.report;

import static org.marketflow.benchmarks.report.BenchmarkReport.count;
import static org.marketflow.benchmarks.report.BenchmarkReport.line;

import java.util.Locale;
import org.HdrHistogram.Histogram;
import org.marketflow.benchmarks.live.LiveFeedLoadOptions;
import org.marketflow.benchmarks.live.LiveFeedLoadResult;

/** The plain-text report of a WebSocket feed load run. */
public final class LiveFeedReport {

  private LiveFeedReport() {}

  public static String format(LiveFeedLoadResult result, RunEnvironment environment) {
    LiveFeedLoadOptions options = result.options();
    StringBuilder out = new StringBuilder();
    BenchmarkReport.header(out, "MarketFlow WebSocket feed benchmark", environment);
    line(
        out,
        "Load",
        count(Math.round(options.rate()))
            + " trades/s over "
            + options.instruments()
            + " instruments, stamped with the wall clock as their receive time when published;"
            + " "
            + options.clients()
            + " WebSocket clients (JDK client, in this JVM), each subscribed to the trades of"
            + " every instrument");
    line(
        out,
        "Run",
        options.warmup().toSeconds()
            + " s warm-up, then "
            + options.measured().toSeconds()
            + " s measured; "
            + count(result.published())
            + " trades published in the window ("
            + count(Math.round(result.publishedPerSecond()))
            + "/s)");
    line(out, "Service", result.service());
    line(
        out,
        "Delivered",
        String.format(
            Locale.ROOT,
            "%s messages/s to all clients together (%s of %s expected)",
            count(Math.round(result.deliveredPerSecond())),
            count(result.delivered()),
            count(result.published() * options.clients())));
    Histogram latency = result.latencyMicros();
    line(
        out,
        "Latency",
        String.format(
            Locale.ROOT,
            "receive time to delivery: p50 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.2f ms",
            latency.getValueAtPercentile(50) / 1000.0,
            latency.getValueAtPercentile(99) / 1000.0,
            latency.getValueAtPercentile(99.9) / 1000.0,
            latency.getMaxValue() / 1000.0));
    BenchmarkReport.check(out, result.problems(), "no client dropped, every window measured");
    return out.toString();
  }
}
