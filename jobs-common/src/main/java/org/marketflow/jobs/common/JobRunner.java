package org.marketflow.jobs.common;

import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.marketflow.jobs.common.jdbc.SchemaVersionCheck;
import org.marketflow.jobs.common.options.Backtest;
import org.marketflow.jobs.common.options.JobArguments;
import org.marketflow.jobs.common.options.JobOptions;

/**
 * Starts a {@link StreamingJob}: reads and checks its arguments, turns on exactly-once
 * checkpointing, checks the database schema when the job writes tables (a {@link Backtest}'s own
 * schema in a backtest), wires and runs it.
 *
 * <pre>{@code
 * public static void main(String[] args) throws Exception {
 *   JobRunner.run(new OhlcJob(), args);
 * }
 * }</pre>
 */
public final class JobRunner {

  /**
   * The exit code of a job started with arguments it refuses, as command-line tools use it for bad
   * usage.
   */
  public static final int ARGUMENT_ERROR = 2;

  private JobRunner() {}

  /**
   * What a job's {@code main} does: parse {@code --key value} arguments, wire the job and execute
   * it. Arguments the job refuses, when parsed or when the wiring builds a source or sink from
   * them, end the process with {@link #ARGUMENT_ERROR} and one line on stderr, {@code error: <what
   * is wrong>}, instead of the stack trace {@code flink run} would print around the message.
   */
  public static void run(StreamingJob job, String[] args) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    try {
      prepare(job, env, parse(job, args));
    } catch (IllegalArgumentException e) {
      System.err.println(argumentError(e));
      System.exit(ARGUMENT_ERROR);
    }
    env.execute(job.name());
  }

  /** The line {@link #run} prints for arguments the job refuses. */
  static String argumentError(IllegalArgumentException e) {
    return "error: " + String.valueOf(e.getMessage()).replaceAll("\\s*\\R\\s*", " ");
  }

  /**
   * Runs the job with this configuration in the current environment (a test's MiniCluster, say) and
   * waits for it: a bounded job, a backtest.
   */
  public static JobExecutionResult execute(StreamingJob job, Configuration config)
      throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    prepare(job, env, config);
    return env.execute(job.name());
  }

  /** Starts the job without waiting for it: the local run and tests of unbounded jobs. */
  public static JobClient start(
      StreamingJob job, StreamExecutionEnvironment env, Configuration config) throws Exception {
    prepare(job, env, config);
    return env.executeAsync(job.name());
  }

  /** Checkpointing, the schema check and the job's wiring, without executing. */
  public static void prepare(
      StreamingJob job, StreamExecutionEnvironment env, Configuration config) {
    configureRecords(env);
    configureLatency(env, config);
    env.enableCheckpointing(
        config.get(JobOptions.CHECKPOINT_INTERVAL).toMillis(), CheckpointingMode.EXACTLY_ONCE);
    configureCheckpointStorage(env, config);
    String jdbcUrl = config.get(JobOptions.JDBC_URL);
    if (jdbcUrl != null && job.requiredSchemaVersion() > 0) {
      SchemaVersionCheck.requireAtLeast(
          jdbcUrl,
          config.get(JobOptions.JDBC_USER),
          config.get(JobOptions.JDBC_PASSWORD),
          Backtest.of(config).map(Backtest::name).orElse(null),
          job.requiredSchemaVersion(),
          job.name());
    }
    job.wire(env, config);
  }

  /**
   * How the suite's jobs handle records, set on every job's environment (and on the benchmarks' and
   * tests' that stand for a job):
   *
   * <ul>
   *   <li>building the job fails when a type would fall back to Kryo, Flink's generic serializer:
   *       several times slower than the Avro and POJO serializers on every shuffled record. A
   *       generic function (its output type is a type variable) must name its output type;
   *   <li>object reuse: a record passes to the next chained operator as is, where Flink would
   *       otherwise deep-copy it at every hand-over. Safe because no operator of the suite changes
   *       a record it received, nor one it emitted, and every source and function emits new records
   *       (docs/architecture.md, "Records").
   * </ul>
   */
  public static void configureRecords(StreamExecutionEnvironment env) {
    Configuration records = new Configuration();
    records.set(PipelineOptions.GENERIC_TYPES, false);
    records.set(PipelineOptions.OBJECT_REUSE, true);
    env.configure(records);
  }

  /** How often sources emit watermarks, and how long a network buffer waits to fill. */
  static void configureLatency(StreamExecutionEnvironment env, Configuration config) {
    env.getConfig().setAutoWatermarkInterval(config.get(JobOptions.WATERMARK_INTERVAL).toMillis());
    env.setBufferTimeout(config.get(JobOptions.BUFFER_TIMEOUT).toMillis());
  }

  /**
   * The job's arguments, checked against the common options and its own, and as a {@link Backtest}
   * when they name one.
   *
   * @throws IllegalArgumentException naming the first bad argument
   */
  public static Configuration parse(StreamingJob job, String[] args) {
    Configuration config =
        JobArguments.parse(args, JobArguments.with(JobOptions.ALL, job.options()));
    Backtest.of(config);
    return config;
  }

  /** Checkpoints to {@code checkpoint.dir} when it is set; else as the cluster says. */
  static void configureCheckpointStorage(StreamExecutionEnvironment env, Configuration config) {
    String directory = config.get(JobOptions.CHECKPOINT_DIR);
    if (directory != null) {
      Configuration storage = new Configuration();
      storage.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
      storage.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, directory);
      env.configure(storage);
    }
  }
}
