package org.marketflow.ingest.metrics;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.marketflow.ingest.feed.FeedOutput;

/**
 * Watches a running feed: its {@link FeedMetrics} in a Prometheus registry, served on a port when
 * one is given, and a {@link SummaryLine} printed at a fixed interval and once more at the end.
 */
public final class FeedMonitor implements AutoCloseable {

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final FeedMetrics metrics;
  private final SummaryLine summary;
  private final Consumer<String> printer;
  private final PrometheusEndpoint endpoint;
  private final ScheduledExecutorService timer;

  /**
   * @param name the summary line's subject, e.g. {@code live binance-spot}
   * @param venue the metrics' {@code venue} tag
   * @param next where the feed's records go on to
   * @param port the Prometheus endpoint's port (0: any free one), or null for none
   * @param every how often to print the summary line, or null for only at the end
   */
  public FeedMonitor(
      String name,
      String venue,
      FeedOutput next,
      Integer port,
      Duration every,
      Consumer<String> printer)
      throws IOException {
    this.metrics = new FeedMetrics(next, registry, venue);
    this.summary = new SummaryLine(name, metrics, System.nanoTime());
    this.printer = printer;
    this.endpoint = port == null ? null : new PrometheusEndpoint(registry, port);
    if (every == null) {
      this.timer = null;
    } else {
      this.timer =
          Executors.newSingleThreadScheduledExecutor(
              task -> {
                Thread thread = new Thread(task, "ingest-summary");
                thread.setDaemon(true);
                return thread;
              });
      timer.scheduleAtFixedRate(
          this::print, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  /** The output to give the feed: it measures, then passes everything on. */
  public FeedMetrics output() {
    return metrics;
  }

  /** The Prometheus endpoint's port, or -1 when there is none. */
  public int port() {
    return endpoint == null ? -1 : endpoint.port();
  }

  public PrometheusMeterRegistry registry() {
    return registry;
  }

  private synchronized void print() {
    printer.accept(summary.next(System.nanoTime()));
  }

  /** Stops the timer and the endpoint, and prints the last line. */
  @Override
  public void close() {
    if (timer != null) {
      timer.shutdownNow();
    }
    print();
    if (endpoint != null) {
      endpoint.close();
    }
  }
}
