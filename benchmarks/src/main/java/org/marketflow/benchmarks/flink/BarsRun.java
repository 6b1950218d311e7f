package org.marketflow.benchmarks.flink;

import java.time.Duration;

/**
 * One finished bar job.
 *
 * @param wall from submitting the job to its result
 * @param bars bars the job emitted (of the DataStream job, the final revisions only)
 * @param tradesInBars the trade counts of those bars, added up: every trade read, if none was lost
 * @param deadLetters trades the job rejected (the SQL query rejects none)
 */
public record BarsRun(Duration wall, long bars, long tradesInBars, long deadLetters) {}
