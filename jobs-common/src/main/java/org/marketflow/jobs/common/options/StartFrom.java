package org.marketflow.jobs.common.options;

/** Where a job's Kafka sources start reading. */
public enum StartFrom {
  EARLIEST,
  LATEST,
  COMMITTED_OR_EARLIEST,
  TIMESTAMP
}
