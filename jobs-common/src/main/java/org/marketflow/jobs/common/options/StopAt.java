package org.marketflow.jobs.common.options;

/** Where a job's Kafka sources stop: never (live) or at a bound (backtest, tests, benchmarks). */
public enum StopAt {
  NEVER,
  LATEST,
  TIMESTAMP
}
