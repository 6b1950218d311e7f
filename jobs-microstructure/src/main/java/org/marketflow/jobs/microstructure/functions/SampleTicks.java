package org.marketflow.jobs.microstructure.functions;

import java.time.Duration;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFilterFunction;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.util.Preconditions;
import org.marketflow.schemas.avro.MarketTick;

/**
 * Keeps, per instrument (on a stream keyed by instrument), the first tick of each interval of event
 * time aligned to the epoch, and drops the others: at most one tick per instrument and interval,
 * the same ones in every run. Holds one long per instrument, cleared by a TTL of {@code
 * idleTimeout} after it was last written.
 */
public final class SampleTicks extends RichFilterFunction<MarketTick> {

  private final long intervalUs;
  private final Duration idleTimeout;
  private transient ValueState<Long> lastInterval;

  public SampleTicks(Duration interval, Duration idleTimeout) {
    Preconditions.checkArgument(
        interval.toNanos() >= 1_000, "the tick sampling interval must be at least 1 µs");
    this.intervalUs = interval.toNanos() / 1_000;
    this.idleTimeout = idleTimeout;
  }

  @Override
  public void open(OpenContext context) {
    ValueStateDescriptor<Long> descriptor = new ValueStateDescriptor<>("last-interval", Types.LONG);
    descriptor.enableTimeToLive(StateTtlConfig.newBuilder(idleTimeout).build());
    lastInterval = getRuntimeContext().getState(descriptor);
  }

  @Override
  public boolean filter(MarketTick tick) throws Exception {
    long interval = Math.floorDiv(tick.getExchangeTimeUs(), intervalUs);
    Long last = lastInterval.value();
    if (last != null && last >= interval) {
      return false;
    }
    lastInterval.update(interval);
    return true;
  }
}
