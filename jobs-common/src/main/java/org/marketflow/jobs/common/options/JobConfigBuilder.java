package org.marketflow.jobs.common.options;

import java.time.Duration;
import java.time.Instant;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;

/**
 * A job configuration in a few calls, for everything that runs a job in-process: tests, the local
 * run and the benchmarks. {@link #bounded} reads a topic range once and ends; {@link #backtest} is
 * a backtest.
 *
 * <pre>{@code
 * Configuration config =
 *     JobConfigBuilder.bounded(kafka.bootstrapServers(), "it-" + topic)
 *         .jdbc(db.jdbcUrl(), db.user(), db.password())
 *         .set(OhlcOptions.TRADES_TOPIC, topic)
 *         .build();
 * }</pre>
 */
public final class JobConfigBuilder {

  /** Fast enough for a test to see its results, slow enough not to dominate a short job. */
  public static final Duration TEST_CHECKPOINT_INTERVAL = Duration.ofMillis(500);

  private final Configuration config = new Configuration();

  private JobConfigBuilder() {}

  private JobConfigBuilder(String bootstrapServers, String groupId) {
    config.set(JobOptions.BOOTSTRAP_SERVERS, bootstrapServers);
    config.set(JobOptions.GROUP_ID, groupId);
    config.set(JobOptions.START_FROM, StartFrom.EARLIEST);
  }

  /** Every option at its default, no Kafka: for a part of a job on its own, such as a sink. */
  public static JobConfigBuilder defaults() {
    return new JobConfigBuilder();
  }

  /** Reads every topic from its earliest record and goes on (a live job). */
  public static JobConfigBuilder live(String bootstrapServers, String groupId) {
    return new JobConfigBuilder(bootstrapServers, groupId);
  }

  /**
   * Reads every topic from its earliest record to the latest offsets at start, then ends;
   * checkpoints every {@link #TEST_CHECKPOINT_INTERVAL}.
   */
  public static JobConfigBuilder bounded(String bootstrapServers, String groupId) {
    return new JobConfigBuilder(bootstrapServers, groupId)
        .set(JobOptions.STOP_AT, StopAt.LATEST)
        .set(JobOptions.CHECKPOINT_INTERVAL, TEST_CHECKPOINT_INTERVAL);
  }

  /**
   * The backtest {@code name} of the event times {@code [from, to)}: reads the topics' range once
   * and ends, writing the backtest's own schema and topics ({@link Backtest}); checkpoints every
   * {@link #TEST_CHECKPOINT_INTERVAL}.
   */
  public static JobConfigBuilder backtest(
      String bootstrapServers, String groupId, String name, Instant from, Instant to) {
    JobConfigBuilder builder =
        new JobConfigBuilder(bootstrapServers, groupId)
            .set(JobOptions.BACKTEST_NAME, name)
            .set(JobOptions.FROM, from.toString())
            .set(JobOptions.TO, to.toString())
            .set(JobOptions.CHECKPOINT_INTERVAL, TEST_CHECKPOINT_INTERVAL);
    builder.config.removeConfig(JobOptions.START_FROM); // --from sets it
    return builder;
  }

  /** Writes tables to this PostgreSQL database. */
  public JobConfigBuilder jdbc(String url, String user, String password) {
    config.set(JobOptions.JDBC_URL, url);
    config.set(JobOptions.JDBC_USER, user);
    config.set(JobOptions.JDBC_PASSWORD, password);
    return this;
  }

  /** Writes keys to this Redis server. */
  public JobConfigBuilder redis(String url) {
    config.set(JobOptions.REDIS_URL, url);
    return this;
  }

  public <T> JobConfigBuilder set(ConfigOption<T> option, T value) {
    config.set(option, value);
    return this;
  }

  public Configuration build() {
    return new Configuration(config);
  }
}
