package org.marketflow.jobs.analytics.functions;

import org.apache.flink.api.java.functions.KeySelector;
import org.marketflow.jobs.analytics.records.WindowClose;

/** Closes keyed by correlation window. */
public class CloseWindow implements KeySelector<WindowClose, String> {

  @Override
  public String getKey(WindowClose close) {
    return close.window;
  }
}
