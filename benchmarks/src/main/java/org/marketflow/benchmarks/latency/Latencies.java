package org.marketflow.benchmarks.latency;

import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * What {@link TickSubscriber} measured: receive time to tick in Redis, µs, over the measured window
 * and each of its slices.
 *
 * @param ticks every tick received, warm-up included
 * @param unmatched book ticks whose update the publisher did not record (none expected)
 */
public record Latencies(Histogram all, List<Histogram> slices, long ticks, long unmatched) {}
