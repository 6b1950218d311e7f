package org.marketflow.benchmarks.flink;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.marketflow.jobs.analytics.AnalyticsJob;
import org.marketflow.jobs.analytics.AnalyticsOptions;
import org.marketflow.jobs.analytics.functions.BarCheck;
import org.marketflow.jobs.common.JobRunner;
import org.marketflow.jobs.common.kafka.KafkaInput;
import org.marketflow.jobs.common.options.JobConfigBuilder;
import org.marketflow.schemas.kafka.TopicSpec;

/**
 * (b) jobs-analytics's own computation: its Kafka source with {@link BarCheck} and its watermarks,
 * {@link AnalyticsJob#compute} with the default settings, and a counting sink on each of its
 * outputs in place of its Kafka, PostgreSQL, Redis and Neo4j sinks.
 */
public final class DataStreamAnalyticsJob {

  /** The job's outputs ({@link AnalyticsJob.Outputs}), each counted under its own name. */
  public enum Output {
    VOLATILITY,
    CORRELATIONS,
    REGIMES,
    ANOMALIES,
    REGIME_EDGES,
    DEAD_LETTERS;

    /** The output's name in reports: "volatility", "regime edges". */
    public String label() {
      return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    String counter() {
      return "analytics." + name();
    }

    DataStream<?> of(AnalyticsJob.Outputs outputs) {
      return switch (this) {
        case VOLATILITY -> outputs.volatility();
        case CORRELATIONS -> outputs.correlations();
        case REGIMES -> outputs.regimes();
        case ANOMALIES -> outputs.anomalies();
        case REGIME_EDGES -> outputs.regimeEdges();
        case DEAD_LETTERS -> outputs.deadLetters();
      };
    }
  }

  private DataStreamAnalyticsJob() {}

  /** Runs the job over {@code bars} to its end offsets. */
  public static AnalyticsRun run(LocalFlinkCluster cluster, KafkaTopicSource bars)
      throws Exception {
    Configuration config =
        JobConfigBuilder.bounded(bars.bootstrapServers(), bars.groupId())
            .set(AnalyticsOptions.BARS_TOPIC, bars.topic())
            .build();
    StreamExecutionEnvironment env = cluster.environment();
    JobRunner.configureRecords(env); // as the job runs
    AnalyticsJob.Outputs outputs =
        AnalyticsJob.compute(
            KafkaInput.of(AnalyticsJob.NAME, TopicSpec.BARS.withName(bars.topic()), config)
                .withCheck(new BarCheck())
                .addTo(env, AnalyticsJob.SOURCE_UID, "Kafka bars"),
            AnalyticsJob.Settings.from(config));
    for (Output output : Output.values()) {
      CountingSink.count(output.of(outputs), output.counter());
    }

    LocalFlinkCluster.Execution execution = cluster.execute(env, "bench-datastream-analytics");
    Map<Output, Long> records = new EnumMap<>(Output.class);
    for (Output output : Output.values()) {
      records.put(output, CountingSink.records(execution.result(), output.counter()));
    }
    return new AnalyticsRun(execution.wall(), records);
  }
}
