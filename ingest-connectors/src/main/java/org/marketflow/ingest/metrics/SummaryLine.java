package org.marketflow.ingest.metrics;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.marketflow.schemas.avro.FeedState;

/**
 * The line a running feed prints every few seconds: messages and their rate since the last line,
 * records published, gaps, resyncs, checksum failures, dead letters, the latencies' p50/p95/p99
 * (over the last two minutes, Micrometer's window) and the lowest completeness of any instrument.
 */
public final class SummaryLine {

  private final String name;
  private final FeedMetrics metrics;
  private long lastMessages;
  private long lastNs;

  /**
   * @param name what the line is about, e.g. {@code live binance-spot}
   */
  public SummaryLine(String name, FeedMetrics metrics, long startNs) {
    this.name = name;
    this.metrics = metrics;
    this.lastNs = startNs;
  }

  /** The line at {@code nowNs} (a {@link System#nanoTime()}); the rate counts from the last one. */
  public String next(long nowNs) {
    long messages = metrics.messages();
    double seconds = Math.max(1e-9, (nowNs - lastNs) / 1e9);
    double rate = (messages - lastMessages) / seconds;
    lastMessages = messages;
    lastNs = nowNs;
    double completeness =
        metrics.completeness().values().stream().mapToDouble(Double::doubleValue).min().orElse(1);
    return String.format(
        Locale.ROOT,
        "%s: %,d messages (%,.0f/s), %,d published, gaps %d, resyncs %d, checksum failures %d,"
            + " dead letters %d, exchange->receive %s, receive->ack %s, completeness %.4f%%",
        name,
        messages,
        rate,
        metrics.published(),
        metrics.statuses(FeedState.GAP),
        metrics.statuses(FeedState.RESYNCED),
        metrics.statuses(FeedState.CHECKSUM_MISMATCH),
        metrics.deadLetters(),
        percentiles(metrics.exchangeToReceive()),
        percentiles(metrics.receiveToAck()),
        completeness * 100);
  }

  /** {@code p50/p95/p99 a/b/c ms}, or {@code -} before the first value. */
  static String percentiles(Timer timer) {
    if (timer.count() == 0) {
      return "-";
    }
    StringBuilder values = new StringBuilder("p50/p95/p99 ");
    ValueAtPercentile[] percentiles = timer.takeSnapshot().percentileValues();
    for (int i = 0; i < percentiles.length; i++) {
      values
          .append(i == 0 ? "" : "/")
          .append(String.format(Locale.ROOT, "%.1f", percentiles[i].value(TimeUnit.MILLISECONDS)));
    }
    return values.append(" ms").toString();
  }
}
