package org.marketflow.jobs.analytics.functions;

import org.apache.flink.api.java.functions.KeySelector;
import org.marketflow.jobs.analytics.records.RegimeTransition;

/** Transitions keyed by the regime they left. */
public class TransitionSource implements KeySelector<RegimeTransition, String> {

  @Override
  public String getKey(RegimeTransition transition) {
    return transition.from;
  }
}
