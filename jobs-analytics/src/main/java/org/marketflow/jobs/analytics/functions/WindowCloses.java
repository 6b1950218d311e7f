package org.marketflow.jobs.analytics.functions;

import java.util.List;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;
import org.marketflow.jobs.analytics.records.CorrelationWindow;
import org.marketflow.jobs.analytics.records.WindowClose;
import org.marketflow.schemas.avro.OhlcBar;

/** A final bar's close to each correlation window. */
public class WindowCloses implements FlatMapFunction<OhlcBar, WindowClose> {

  private final List<CorrelationWindow> windows;

  public WindowCloses(List<CorrelationWindow> windows) {
    this.windows = List.copyOf(windows);
  }

  @Override
  public void flatMap(OhlcBar bar, Collector<WindowClose> out) {
    long startMs = Math.floorDiv(bar.getBucketStartUs(), 1_000L);
    for (CorrelationWindow window : windows) {
      out.collect(new WindowClose(window.label(), bar.getInstrument(), startMs, bar.getClose()));
    }
  }
}
