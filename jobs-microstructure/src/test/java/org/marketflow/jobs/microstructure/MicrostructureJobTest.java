package org.marketflow.jobs.microstructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.apache.flink.streaming.api.graph.StreamNode;
import org.junit.jupiter.api.Test;
import org.marketflow.jobs.common.JobRunner;
import org.marketflow.jobs.common.options.JobConfigBuilder;
import org.marketflow.jobs.common.options.JobOptions;

/** The job as {@code main} wires it on Kafka, built but not run: no broker is contacted. */
class MicrostructureJobTest {

  @Test
  void wiresThreeSourcesTheOperatorsAndASinkPerTopicEachWithAUid() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    JobRunner.prepare(new MicrostructureJob(), env, new Configuration());

    StreamGraph graph = env.getStreamGraph(); // refuses a type that would fall back to Kryo
    List<String> uids =
        graph.getStreamNodes().stream().map(StreamNode::getTransformationUID).toList();
    assertThat(uids).doesNotContainNull().doesNotHaveDuplicates();
    assertThat(uids)
        .contains(
            MicrostructureJob.BOOK_SOURCE_UID,
            MicrostructureJob.TRADES_SOURCE_UID,
            MicrostructureJob.STATUS_SOURCE_UID,
            MicrostructureJob.BOOKS_UID,
            MicrostructureJob.PAIRS_UID,
            "microstructure-ticks-kafka-sink",
            "microstructure-book-snapshots-kafka-sink",
            "microstructure-microstructure-kafka-sink",
            "microstructure-liquidity-kafka-sink",
            "microstructure-book-status-kafka-sink",
            "microstructure-prediction-pairs-kafka-sink");
  }

  @Test
  void writesEachTableAndRedisKeyWhenGivenTheirServersSamplingTicksWhenAsked() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    Configuration config = new Configuration();
    config.set(JobOptions.JDBC_URL, "jdbc:postgresql://localhost:5432/marketflow");
    config.set(JobOptions.REDIS_URL, "redis://localhost:6379");
    config.set(MicrostructureOptions.TICKS_TABLE_INTERVAL, Duration.ofMillis(100));
    new MicrostructureJob().wire(env, config); // wired without the schema check: no database

    List<String> uids =
        env.getStreamGraph().getStreamNodes().stream()
            .map(StreamNode::getTransformationUID)
            .toList();
    assertThat(uids).doesNotHaveDuplicates();
    assertThat(uids)
        .contains(
            MicrostructureJob.SAMPLE_TICKS_UID,
            "microstructure-ticks-jdbc-sink",
            "microstructure-book-snapshots-jdbc-sink",
            "microstructure-microstructure-jdbc-sink",
            "microstructure-liquidity-jdbc-sink",
            "microstructure-prediction-pairs-jdbc-sink",
            "microstructure-ticks-redis-sink",
            "microstructure-book-snapshots-redis-sink",
            "microstructure-microstructure-redis-sink",
            "microstructure-liquidity-redis-sink");
    assertThat(new MicrostructureJob().requiredSchemaVersion()).isEqualTo(2);
  }

  @Test
  void aBacktestWritesNoRedisKey() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    Configuration config =
        JobConfigBuilder.backtest(
                "localhost:9092",
                "g",
                "q1",
                Instant.parse("2025-01-15T10:00:00Z"),
                Instant.parse("2025-01-15T11:00:00Z"))
            .redis("redis://localhost:6379")
            .build();
    new MicrostructureJob().wire(env, config);

    assertThat(
            env.getStreamGraph().getStreamNodes().stream()
                .map(StreamNode::getTransformationUID)
                .toList())
        .contains("microstructure-ticks-kafka-sink")
        .noneMatch(uid -> uid.endsWith("-redis-sink"));
  }

  @Test
  void refusesSnapshotLevelsOutsideOneToFifty() {
    Configuration config = new Configuration();
    config.set(MicrostructureOptions.SNAPSHOT_LEVELS, 51);

    assertThatThrownBy(() -> MicrostructureJob.settings(config))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("snapshot levels must be within 1-50, not 51");
  }

  @Test
  void passesTheMetricParametersOn() {
    Configuration config = new Configuration();
    config.set(MicrostructureOptions.DEPTH_BAND_BPS, 25.0);
    config.set(MicrostructureOptions.TOP_LEVELS, 5);

    var params = MicrostructureJob.settings(config).params();

    assertThat(params.depthBandBps()).isEqualTo(25.0);
    assertThat(params.topLevels()).isEqualTo(5);
  }
}
