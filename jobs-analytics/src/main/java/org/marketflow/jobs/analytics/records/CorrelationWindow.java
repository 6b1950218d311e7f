package org.marketflow.jobs.analytics.records;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/**
 * The correlation windows and the resolution their returns are sampled at: enough returns for a
 * meaningful correlation (60 to 180) without holding a 30-day window of minutes.
 */
public enum CorrelationWindow {
  H1("1H", Duration.ofHours(1), Duration.ofMinutes(1)),
  H4("4H", Duration.ofHours(4), Duration.ofMinutes(5)),
  H24("24H", Duration.ofHours(24), Duration.ofMinutes(15)),
  D7("7D", Duration.ofDays(7), Duration.ofHours(1)),
  D30("30D", Duration.ofDays(30), Duration.ofHours(4));

  private final String label;
  private final Duration length;
  private final Duration sampling;

  CorrelationWindow(String label, Duration length, Duration sampling) {
    this.label = label;
    this.length = length;
    this.sampling = sampling;
  }

  public String label() {
    return label;
  }

  public long samplingMs() {
    return sampling.toMillis();
  }

  /** Returns in a full window: length / sampling (60, 48, 96, 168, 180). */
  public int steps() {
    return (int) (length.toMillis() / sampling.toMillis());
  }

  public static Optional<CorrelationWindow> fromLabel(String label) {
    return Arrays.stream(values()).filter(w -> w.label.equalsIgnoreCase(label.trim())).findFirst();
  }
}
