package org.marketflow.ingest.cli;

import java.io.IOException;
import java.time.Duration;
import org.marketflow.ingest.feed.FeedOutput;
import org.marketflow.ingest.feed.Venue;
import org.marketflow.ingest.metrics.FeedMonitor;
import picocli.CommandLine.Option;

/** How a running feed is watched: its Prometheus endpoint and its periodic summary line. */
final class MonitoringOptions {

  @Option(
      names = "--metrics-port",
      description = "Serve the feed's metrics for Prometheus at http://<host>:<port>/metrics.")
  Integer metricsPort;

  @Option(
      names = "--summary-every-s",
      defaultValue = "10",
      description = "Print a summary line this often, 0 for only at the end (default: 10).")
  long summarySeconds;

  FeedMonitor monitor(String name, Venue venue, FeedOutput next) throws IOException {
    FeedMonitor monitor =
        new FeedMonitor(
            name,
            venue.cliName(),
            next,
            metricsPort,
            summarySeconds > 0 ? Duration.ofSeconds(summarySeconds) : null,
            System.out::println);
    if (monitor.port() >= 0) {
      System.out.println(name + ": metrics at http://localhost:" + monitor.port() + "/metrics");
    }
    return monitor;
  }
}
