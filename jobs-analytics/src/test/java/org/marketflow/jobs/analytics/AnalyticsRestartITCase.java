package org.marketflow.jobs.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.marketflow.jobs.common.JobRunner;
import org.marketflow.jobs.common.options.JobConfigBuilder;
import org.marketflow.jobs.common.options.JobOptions;
import org.marketflow.schemas.avro.OhlcBar;
import org.marketflow.schemas.db.DatabaseMigrations;
import org.marketflow.schemas.db.Tables;
import org.marketflow.schemas.kafka.TopicSpec;
import org.marketflow.testing.junit.FailOnce;
import org.marketflow.testing.junit.FlinkMiniCluster;
import org.marketflow.testing.junit.KafkaExtension;
import org.marketflow.testing.junit.KafkaTopic;
import org.marketflow.testing.junit.PostgresExtension;
import org.marketflow.testing.junit.TopicPartitions;
import org.marketflow.testing.servers.EmbeddedKafka;
import org.marketflow.testing.servers.EmbeddedNeo4j;
import org.marketflow.testing.servers.PostgresDatabase;
import org.marketflow.testing.servers.PostgresServer;
import org.marketflow.testing.servers.TableDigests;

/**
 * A replay of three instruments' bars, with their minutes' liquidity, run twice, each into a fresh
 * database and an empty graph: once uninterrupted, once with a failure in the middle after a
 * checkpoint has completed and a restart from the latest checkpoint. The four tables and the graph
 * come out the same.
 */
@ExtendWith(KafkaExtension.class)
class AnalyticsRestartITCase {

  @RegisterExtension static final MiniClusterExtension FLINK = FlinkMiniCluster.extension();

  @RegisterExtension
  static final PostgresExtension POSTGRES = PostgresExtension.perTest().migrated();

  private static final EmbeddedNeo4j NEO4J = EmbeddedNeo4j.shared();
  private static final int MINUTES = 4_000;
  private static final List<String> TABLES = AnalyticsJobITCase.TABLES;

  @Test
  void aRestartFromACheckpointInTheMiddleLeavesTheTablesAndGraphOfAnUninterruptedRun(
      EmbeddedKafka kafka,
      @TopicPartitions(2) KafkaTopic barsTopic,
      @TopicPartitions(2) KafkaTopic liquidityTopic,
      PostgresDatabase db,
      PostgresServer server)
      throws Exception {
    String bars = barsTopic.name();
    List<OhlcBar> input = AnalyticsBars.bars(MINUTES);
    AnalyticsJobITCase.publish(kafka, bars, input);
    String liquidity = liquidityTopic.name();
    AnalyticsJobITCase.publishAll(
        kafka,
        liquidity,
        TopicSpec.LIQUIDITY,
        AnalyticsJobITCase.liquidity(input, input.get(0).getBucketStartUs() / 1_000L));
    NEO4J.wipe();
    JobRunner.execute(new AnalyticsJob(), config(kafka, bars, liquidity, db, "it-whole-" + bars));
    Map<String, String> uninterrupted = TableDigests.of(db, TABLES);
    List<String> graph = AnalyticsJobITCase.graph(NEO4J);
    assertThat(uninterrupted.get(Tables.MARKET_REGIMES.name())).startsWith((3 * MINUTES) + " ");
    assertThat(liquidityRegimes(db)).isEqualTo(3 * (MINUTES - 60));

    NEO4J.wipe();
    try (PostgresDatabase restarted = server.createDatabase("restarted")) {
      DatabaseMigrations.migrate(restarted.jdbcUrl(), restarted.user(), restarted.password());
      Configuration config = config(kafka, bars, liquidity, restarted, "it-restarted-" + bars);
      config.set(JobOptions.CHECKPOINT_INTERVAL, Duration.ofMillis(50));
      config.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
      config.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 2);
      config.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(100));
      config.set(CheckpointingOptions.ENABLE_UNALIGNED, true); // a checkpoint passes the backlog
      FailOnce.reset(MINUTES); // a third of a subtask's volatility records
      StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
      env.configure(config);
      JobRunner.prepare(
          new AnalyticsJob(
              volatility ->
                  volatility
                      .map(new FailOnce<>(), volatility.getType())
                      .setParallelism(volatility.getParallelism())
                      .name("Fail once")),
          env,
          config);
      env.execute(AnalyticsJob.NAME);

      assertThat(FailOnce.FAILURES.get())
          .as("failures, with %s checkpoints completed", FailOnce.CHECKPOINTS_COMPLETED.get())
          .isEqualTo(1);
      assertThat(FailOnce.CHECKPOINTS_BEFORE_FAILURE.get()).isPositive();
      assertThat(FailOnce.RESTORED.get()).isPositive();
      assertThat(TableDigests.of(restarted, TABLES)).isEqualTo(uninterrupted);
      assertThat(AnalyticsJobITCase.graph(NEO4J)).isEqualTo(graph);
    }
  }

  private static long liquidityRegimes(PostgresDatabase db) throws Exception {
    try (java.sql.Connection c = db.connect();
        java.sql.Statement s = c.createStatement();
        java.sql.ResultSet rs =
            s.executeQuery(
                "SELECT count(*) FROM market_regimes WHERE liquidity_regime IS NOT NULL")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static Configuration config(
      EmbeddedKafka kafka, String bars, String liquidity, PostgresDatabase db, String group) {
    return JobConfigBuilder.bounded(kafka.bootstrapServers(), group)
        .jdbc(db.jdbcUrl(), db.user(), db.password())
        .set(AnalyticsOptions.BARS_TOPIC, bars)
        .set(AnalyticsOptions.LIQUIDITY_TOPIC, liquidity)
        .set(AnalyticsOptions.VOLATILITY_TOPIC, kafka.uniqueTopic("volatility"))
        .set(AnalyticsOptions.CORRELATIONS_TOPIC, kafka.uniqueTopic("correlations"))
        .set(AnalyticsOptions.REGIMES_TOPIC, kafka.uniqueTopic("regimes"))
        .set(AnalyticsOptions.ANOMALIES_TOPIC, kafka.uniqueTopic("anomalies"))
        .set(AnalyticsOptions.CORRELATION_WINDOWS, List.of("1H", "4H"))
        .set(AnalyticsOptions.NEO4J_URL, NEO4J.boltUri().toString())
        .set(JobOptions.DEAD_LETTERS_TOPIC, kafka.uniqueTopic("dead-letters"))
        .build();
  }
}
