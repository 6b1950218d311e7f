package org.marketflow.jobs.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.marketflow.jobs.common.JobRunner;
import org.marketflow.jobs.common.options.JobConfigBuilder;
import org.marketflow.jobs.common.options.JobOptions;
import org.marketflow.schemas.avro.AvroCodec;
import org.marketflow.schemas.avro.CorrelationMatrix;
import org.marketflow.schemas.avro.DeadLetter;
import org.marketflow.schemas.avro.MarketRegimeIndicators;
import org.marketflow.schemas.avro.OhlcBar;
import org.marketflow.schemas.avro.VolatilityMetrics;
import org.marketflow.schemas.db.Tables;
import org.marketflow.schemas.kafka.TopicSpec;
import org.marketflow.schemas.redis.RecordJson;
import org.marketflow.testing.junit.FlinkMiniCluster;
import org.marketflow.testing.junit.KafkaExtension;
import org.marketflow.testing.junit.KafkaTopic;
import org.marketflow.testing.junit.PostgresExtension;
import org.marketflow.testing.junit.RedisExtension;
import org.marketflow.testing.junit.RedisKeyPrefix;
import org.marketflow.testing.junit.TopicPartitions;
import org.marketflow.testing.servers.EmbeddedKafka;
import org.marketflow.testing.servers.EmbeddedNeo4j;
import org.marketflow.testing.servers.PostgresDatabase;
import org.marketflow.testing.servers.RedisServer;
import org.marketflow.testing.servers.TableDigests;
import org.marketflow.testing.servers.TopicContents;
import org.neo4j.driver.Session;
import redis.clients.jedis.Jedis;

/**
 * The packaged job on real Kafka, PostgreSQL, Redis and Neo4j (in-process): two hours of three
 * instruments' bars (and an unreadable record) replayed from the bars topic; the derived topics,
 * the four tables and the Redis keys and the Neo4j graph out, each asserted by reading it back; a
 * second run over the same topic leaves the tables and the graph as they were.
 */
@ExtendWith({KafkaExtension.class, RedisExtension.class})
class AnalyticsJobITCase {

  @RegisterExtension static final MiniClusterExtension FLINK = FlinkMiniCluster.extension();

  @RegisterExtension
  static final PostgresExtension POSTGRES = PostgresExtension.perTest().migrated();

  private static final EmbeddedNeo4j NEO4J = EmbeddedNeo4j.shared();
  private static final int MINUTES = 120;
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  static final List<String> TABLES =
      List.of(
          Tables.VOLATILITY_METRICS.name(),
          Tables.CORRELATION_MATRICES.name(),
          Tables.MARKET_REGIMES.name(),
          Tables.MARKET_ANOMALIES.name());

  @Test
  void writesTopicsTablesAndKeysAndASecondRunLeavesTheTablesUnchanged(
      EmbeddedKafka kafka,
      @TopicPartitions(2) KafkaTopic bars,
      KafkaTopic volatility,
      KafkaTopic correlations,
      KafkaTopic regimes,
      KafkaTopic anomalies,
      KafkaTopic deadLetters,
      PostgresDatabase db,
      RedisServer redis,
      RedisKeyPrefix prefix)
      throws Exception {
    List<OhlcBar> input = AnalyticsBars.bars(MINUTES);
    publish(kafka, bars.name(), input);
    Configuration config =
        JobConfigBuilder.bounded(kafka.bootstrapServers(), "it-" + bars.name())
            .jdbc(db.jdbcUrl(), db.user(), db.password())
            .redis(redis.uri())
            .set(AnalyticsOptions.BARS_TOPIC, bars.name())
            .set(AnalyticsOptions.VOLATILITY_TOPIC, volatility.name())
            .set(AnalyticsOptions.CORRELATIONS_TOPIC, correlations.name())
            .set(AnalyticsOptions.REGIMES_TOPIC, regimes.name())
            .set(AnalyticsOptions.ANOMALIES_TOPIC, anomalies.name())
            .set(AnalyticsOptions.CORRELATION_WINDOWS, List.of("1H", "4H"))
            .set(AnalyticsOptions.REDIS_NAMESPACE, prefix.value())
            .set(JobOptions.DEAD_LETTERS_TOPIC, deadLetters.name())
            .set(AnalyticsOptions.NEO4J_URL, NEO4J.boltUri().toString())
            .build();
    NEO4J.wipe();

    JobRunner.execute(new AnalyticsJob(), config);

    // Kafka
    List<VolatilityMetrics> vols =
        TopicContents.readAll(
            kafka.bootstrapServers(), volatility.name(), VolatilityMetrics.class, TIMEOUT);
    List<CorrelationMatrix> matrices =
        TopicContents.readAll(
            kafka.bootstrapServers(), correlations.name(), CorrelationMatrix.class, TIMEOUT);
    List<MarketRegimeIndicators> regimeRows =
        TopicContents.readAll(
            kafka.bootstrapServers(), regimes.name(), MarketRegimeIndicators.class, TIMEOUT);
    assertThat(vols).hasSize(3 * MINUTES * 2);
    assertThat(regimeRows).hasSize(3 * MINUTES);
    assertThat(matrices).isNotEmpty();
    assertThat(
            TopicContents.readAll(
                kafka.bootstrapServers(), deadLetters.name(), DeadLetter.class, TIMEOUT))
        .extracting(DeadLetter::getStage, DeadLetter::getSourceTopic)
        .containsExactly(tuple("jobs-analytics.decode", bars.name()));

    // PostgreSQL: every published record is a row.
    try (Connection c = db.connect()) {
      assertThat(count(c, Tables.VOLATILITY_METRICS.name())).isEqualTo(vols.size());
      assertThat(count(c, Tables.CORRELATION_MATRICES.name())).isEqualTo(matrices.size());
      assertThat(count(c, Tables.MARKET_REGIMES.name())).isEqualTo(regimeRows.size());
      CorrelationMatrix last = latest(matrices, "1H", "pearson");
      try (Statement s = c.createStatement();
          ResultSet rs =
              s.executeQuery(
                  "SELECT correlations->>1, jsonb_array_length(assets) FROM correlation_matrices"
                      + " WHERE rolling_window = '1H' AND method = 'pearson'"
                      + " ORDER BY ts DESC LIMIT 1")) {
        rs.next();
        assertThat(Double.parseDouble(rs.getString(1))).isEqualTo(last.getCorrelations().get(1));
        assertThat(rs.getInt(2)).isEqualTo(3);
      }
    }

    // Redis: the latest matrix of each window and method, each instrument's volatility and regime.
    try (Jedis jedis = new Jedis(redis.uri())) {
      CorrelationMatrix last = latest(matrices, "1H", "pearson");
      assertThat(jedis.get(prefix.key("market:corr:1H"))).isEqualTo(RecordJson.of(last));
      assertThat(jedis.get(prefix.key("market:corr:1H:pearson"))).isEqualTo(RecordJson.of(last));
      assertThat(jedis.get(prefix.key("market:corr:4H:kendall"))).isNotNull();
      assertThat(jedis.pttl(prefix.key("market:corr:1H"))).isBetween(1L, 300_000L);
      VolatilityMetrics btc =
          vols.stream()
              .filter(
                  v -> v.getInstrument().equals(AnalyticsBars.BTC) && v.getWindow().equals("1h"))
              .max(Comparator.comparingLong(VolatilityMetrics::getTimestampUs))
              .orElseThrow();
      assertThat(jedis.get(prefix.key("market:vol:" + AnalyticsBars.BTC + ":1h")))
          .isEqualTo(RecordJson.of(btc));
      assertThat(jedis.get(prefix.key("market:regime:" + AnalyticsBars.WALK))).isNotNull();
    }

    // Neo4j: one relationship per pair, window and method, holding the latest matrix's values;
    // the regime transitions observed, each regime's outgoing probabilities summing to 1.
    List<String> graph = graph(NEO4J);
    try (Session session = NEO4J.driver().session()) {
      assertThat(
              session
                  .run("MATCH (:Asset)-[r:CORRELATES_WITH]->(:Asset) RETURN count(r) AS n")
                  .single()
                  .get("n")
                  .asLong())
          .isEqualTo(3 * 2 * 3);
      CorrelationMatrix last = latest(matrices, "1H", "spearman");
      double rho =
          session
              .run(
                  "MATCH (a:Asset {id: $a})-[r:CORRELATES_WITH {window: '1H', method:"
                      + " 'spearman'}]->(b:Asset {id: $b}) RETURN r.correlation AS rho",
                  Map.of("a", last.getAssets().get(0), "b", last.getAssets().get(1)))
              .single()
              .get("rho")
              .asDouble();
      assertThat(rho).isEqualTo(last.getCorrelations().get(1));
      List<Double> sums =
          session
              .run(
                  "MATCH (f:Regime)-[t:TRANSITIONS_TO]->(:Regime)"
                      + " RETURN f.name AS f, sum(t.probability) AS p")
              .list(r -> r.get("p").asDouble());
      assertThat(sums).isNotEmpty().allSatisfy(p -> assertThat(p).isCloseTo(1.0, within(1e-9)));
    }

    // A second run over the same topic (a restart without offsets) changes no table, no graph.
    Map<String, String> before = TableDigests.of(db, TABLES);
    Configuration again = new Configuration(config);
    again.set(JobOptions.GROUP_ID, "it-again-" + bars.name());
    JobRunner.execute(new AnalyticsJob(), again);
    assertThat(TableDigests.of(db, TABLES)).isEqualTo(before);
    assertThat(graph(NEO4J)).isEqualTo(graph);
  }

  /** Every relationship with its ends and properties, as sorted text. */
  static List<String> graph(EmbeddedNeo4j neo4j) {
    try (Session session = neo4j.driver().session()) {
      return session
          .run(
              "MATCH (a)-[r]->(b) RETURN coalesce(a.id, a.name) AS a, type(r) AS t,"
                  + " coalesce(b.id, b.name) AS b,"
                  + " properties(r) AS p")
          .list(
              r ->
                  r.get("a")
                      + " "
                      + r.get("t")
                      + " "
                      + r.get("b")
                      + " "
                      + new java.util.TreeMap<>(r.get("p").asMap()))
          .stream()
          .sorted()
          .toList();
    }
  }

  private static CorrelationMatrix latest(
      List<CorrelationMatrix> rows, String window, String method) {
    return rows.stream()
        .filter(m -> m.getWindow().equals(window) && m.getMethod().equals(method))
        .max(Comparator.comparingLong(CorrelationMatrix::getTimestampUs))
        .orElseThrow();
  }

  private static long count(Connection c, String table) throws Exception {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  static void publish(EmbeddedKafka kafka, String topic, List<OhlcBar> bars) {
    AvroCodec<OhlcBar> codec = AvroCodec.of(OhlcBar.class);
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
            new ByteArraySerializer(),
            new ByteArraySerializer())) {
      for (OhlcBar bar : bars) {
        producer.send(
            new ProducerRecord<>(
                topic,
                null,
                TopicSpec.BARS.timestampMs(bar),
                TopicSpec.BARS.keyBytes(bar),
                codec.encode(bar)));
      }
      producer.send(
          new ProducerRecord<>(
              topic,
              null,
              TopicSpec.BARS.timestampMs(bars.get(0)),
              AnalyticsBars.BTC.getBytes(StandardCharsets.UTF_8),
              "not avro".getBytes(StandardCharsets.UTF_8)));
      producer.flush();
    }
  }
}
