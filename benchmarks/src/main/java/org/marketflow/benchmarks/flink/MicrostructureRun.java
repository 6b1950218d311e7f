package org.marketflow.benchmarks.flink;

import java.time.Duration;

/**
 * One finished run of the microstructure job: what each of its outputs received.
 *
 * @param wall from submitting the job to its result
 */
public record MicrostructureRun(
    Duration wall,
    long ticks,
    long microstructure,
    long snapshots,
    long liquidity,
    long bookStatuses,
    long predictionPairs,
    long deadLetters) {}
