package org.marketflow.jobs.analytics.records;

/**
 * One final 1-minute bar's close, addressed to one correlation window: the correlation operator is
 * keyed by window, so each bar goes to each window once. A Flink POJO.
 */
public class WindowClose {
  public String window;
  public String instrument;
  public long barStartMs;
  public double close;

  public WindowClose() {}

  public WindowClose(String window, String instrument, long barStartMs, double close) {
    this.window = window;
    this.instrument = instrument;
    this.barStartMs = barStartMs;
    this.close = close;
  }
}
