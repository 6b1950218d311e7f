package org.marketflow.benchmarks.flink;

import org.apache.flink.api.common.functions.FilterFunction;
import org.marketflow.schemas.avro.OhlcBar;

/**
 * Keeps each bar's final revision only. The job emits a bar at its end and again, final, once the
 * watermark passes its end plus the allowed lateness; one bar of each key is what the SQL query
 * emits and what holds every trade once.
 */
public final class FinalBars implements FilterFunction<OhlcBar> {

  @Override
  public boolean filter(OhlcBar bar) {
    return bar.getIsFinal();
  }
}
