package org.marketflow.jobs.common;

import java.util.List;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * A Flink job of the suite, as the cluster jar's {@code main}, the local run and the tests start
 * it: a name, its own options (beside {@link org.marketflow.jobs.common.options.JobOptions}), the
 * schema version it writes, and {@link #wire}, which adds its sources, computation and sinks.
 * {@link JobRunner} does the rest.
 */
public interface StreamingJob {

  /** The job's name, e.g. {@code jobs-ohlc}: the Flink job name and its dead letters' stage. */
  String name();

  /** The job's own options; the common ones are added by {@link JobRunner}. */
  List<ConfigOption<?>> options();

  /** The schema version the job's tables need, {@code 0} for a job that writes no table. */
  int requiredSchemaVersion();

  /** Adds the job's sources, computation and sinks to {@code env}. */
  void wire(StreamExecutionEnvironment env, Configuration config);
}
