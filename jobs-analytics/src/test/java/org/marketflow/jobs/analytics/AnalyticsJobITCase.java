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
import org.marketflow.schemas.avro.LiquidityMetrics;
import org.marketflow.schemas.avro.MarketAnomaly;
import org.marketflow.schemas.avro.MarketMicrostructure;
import org.marketflow.schemas.avro.MarketRegimeIndicators;
import org.marketflow.schemas.avro.OhlcBar;
import org.marketflow.schemas.avro.VolatilityMetrics;
import org.marketflow.schemas.db.Tables;
import org.marketflow.schemas.kafka.TopicSpec;
import org.marketflow.schemas.redis.RecordJson;
import org.marketflow.testing.data.MicrostructureRecords;
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
 * instruments' bars (and an unreadable record, and a bar with a NaN close) replayed from the bars
 * topic, with their minutes' liquidity on a liquidity topic (one instrument's dropping to a stress
 * and a crisis) and one instrument's seconds on a microstructure topic (one minute's spread blown
 * out); the derived topics, the four tables and the Redis keys and the Neo4j graph out, each
 * asserted by reading it back; a second run over the same topics leaves the tables and the graph as
 * they were.
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
      @TopicPartitions(2) KafkaTopic liquidityTopic,
      KafkaTopic microstructureTopic,
      PostgresDatabase db,
      RedisServer redis,
      RedisKeyPrefix prefix)
      throws Exception {
    List<OhlcBar> input = AnalyticsBars.bars(MINUTES);
    publish(kafka, bars.name(), input);
    // A bar with a NaN close and a liquidity value with a negative total: dead letters.
    OhlcBar nan = OhlcBar.newBuilder(input.get(3)).setClose(Double.NaN).build();
    publishAll(kafka, bars.name(), TopicSpec.BARS, List.of(nan));
    long startMs = input.get(0).getBucketStartUs() / 1_000L;
    List<LiquidityMetrics> liquidity = liquidity(input, startMs);
    LiquidityMetrics negative =
        MicrostructureRecords.liquidity(AnalyticsBars.BTC, startMs + MINUTES * 60_000L, -1.0);
    publishAll(kafka, liquidityTopic.name(), TopicSpec.LIQUIDITY, liquidity);
    publishAll(kafka, liquidityTopic.name(), TopicSpec.LIQUIDITY, List.of(negative));
    publishAll(kafka, microstructureTopic.name(), TopicSpec.MICROSTRUCTURE, seconds(startMs));
    Configuration config =
        JobConfigBuilder.bounded(kafka.bootstrapServers(), "it-" + bars.name())
            .jdbc(db.jdbcUrl(), db.user(), db.password())
            .redis(redis.uri())
            .set(AnalyticsOptions.BARS_TOPIC, bars.name())
            .set(AnalyticsOptions.LIQUIDITY_TOPIC, liquidityTopic.name())
            .set(AnalyticsOptions.MICROSTRUCTURE_TOPIC, microstructureTopic.name())
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
        .extracting(
            DeadLetter::getStage,
            DeadLetter::getSourceTopic,
            d -> d.getStage().endsWith(".decode") ? "" : d.getReason())
        .containsExactlyInAnyOrder(
            tuple("jobs-analytics.decode", bars.name(), ""),
            tuple("jobs-analytics.validate", bars.name(), "non-finite price in bar"),
            tuple(
                "jobs-analytics.validate",
                liquidityTopic.name(),
                "bidLiquidityUsd must be a finite number of at least 0, not -0.5"));

    // The liquidity regime from the 61st liquidity value of each instrument on; the walk's
    // stressed minutes and its crisis; each instrument's correlation regime from the 1H Pearson
    // matrix of its minute, recomputed here from the matrix's changes.
    Map<String, MarketRegimeIndicators> byKey = new java.util.HashMap<>();
    regimeRows.forEach(r -> byKey.put(r.getInstrument() + "@" + r.getTimestampUs(), r));
    assertThat(regimeRows.stream().filter(r -> r.getLiquidityRegime() != null))
        .hasSize(3 * (MINUTES - 60));
    assertThat(
            byKey
                .get(AnalyticsBars.WALK + "@" + endUs(startMs, STRESSED_FROM))
                .getLiquidityRegime())
        .isEqualTo("STRESSED");
    assertThat(byKey.get(AnalyticsBars.WALK + "@" + endUs(startMs, CRISIS_AT)).getLiquidityRegime())
        .isEqualTo("CRISIS");
    assertThat(byKey.get(AnalyticsBars.BTC + "@" + endUs(startMs, CRISIS_AT)).getLiquidityRegime())
        .isEqualTo("NORMAL");
    int judged = 0;
    for (CorrelationMatrix m : matrices) {
      if (!m.getWindow().equals("1H") || !m.getMethod().equals("pearson")) {
        continue;
      }
      int n = m.getAssets().size();
      for (int i = 0; i < n; i++) {
        double sum = 0;
        int count = 0;
        for (int j = 0; j < n; j++) {
          Double change = m.getChanges().get(i * n + j);
          if (j != i && change != null) {
            sum += change;
            count++;
          }
        }
        String expected =
            count == 0
                ? null
                : sum / count <= -0.2 ? "BREAKDOWN" : sum / count >= 0.2 ? "CRISIS" : "NORMAL";
        MarketRegimeIndicators row = byKey.get(m.getAssets().get(i) + "@" + m.getTimestampUs());
        assertThat(row.getCorrelationRegime()).isEqualTo(expected);
        judged += expected == null ? 0 : 1;
      }
    }
    assertThat(judged).isGreaterThan(3 * (MINUTES - 20));
    List<MarketAnomaly> anomalyRows =
        TopicContents.readAll(
            kafka.bootstrapServers(), anomalies.name(), MarketAnomaly.class, TIMEOUT);
    assertThat(anomalyRows)
        .extracting(
            MarketAnomaly::getInstrument, MarketAnomaly::getAnomalyType, a -> a.getTimestampUs())
        .contains(
            tuple(AnalyticsBars.WALK, "LIQUIDITY_HOLE", endUs(startMs, STRESSED_FROM)),
            tuple(AnalyticsBars.FOLLOWER, "SPREAD_BLOWOUT", endUs(startMs, BLOWOUT_AT)));

    // PostgreSQL: every published record is a row.
    try (Connection c = db.connect()) {
      assertThat(count(c, Tables.VOLATILITY_METRICS.name())).isEqualTo(vols.size());
      assertThat(count(c, Tables.CORRELATION_MATRICES.name())).isEqualTo(matrices.size());
      assertThat(count(c, Tables.MARKET_REGIMES.name())).isEqualTo(regimeRows.size());
      assertThat(count(c, Tables.MARKET_ANOMALIES.name())).isEqualTo(anomalyRows.size());
      try (Statement s = c.createStatement();
          ResultSet rs =
              s.executeQuery(
                  "SELECT liquidity_regime, count(*) FROM market_regimes"
                      + " WHERE instrument = '"
                      + AnalyticsBars.WALK
                      + "' AND liquidity_regime IS NOT NULL"
                      + " GROUP BY liquidity_regime ORDER BY liquidity_regime")) {
        Map<String, Long> walk = new java.util.TreeMap<>();
        while (rs.next()) {
          walk.put(rs.getString(1), rs.getLong(2));
        }
        assertThat(walk)
            .containsEntry("STRESSED", (long) (CRISIS_AT - STRESSED_FROM))
            .containsEntry("CRISIS", 1L)
            .containsEntry("NORMAL", (long) (MINUTES - 60 - (CRISIS_AT - STRESSED_FROM) - 1));
      }
      assertThat(zScore(c, AnalyticsBars.WALK, "LIQUIDITY_HOLE", endUs(startMs, STRESSED_FROM)))
          .isLessThanOrEqualTo(-3.5);
      assertThat(zScore(c, AnalyticsBars.FOLLOWER, "SPREAD_BLOWOUT", endUs(startMs, BLOWOUT_AT)))
          .isGreaterThanOrEqualTo(3.5);
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
      MarketRegimeIndicators walk =
          regimeRows.stream()
              .filter(r -> r.getInstrument().equals(AnalyticsBars.WALK))
              .max(Comparator.comparingLong(MarketRegimeIndicators::getTimestampUs))
              .orElseThrow();
      assertThat(walk.getLiquidityRegime()).isEqualTo("NORMAL");
      assertThat(jedis.get(prefix.key("market:regime:" + AnalyticsBars.WALK)))
          .isEqualTo(RecordJson.of(walk));
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

  /** The z-score of the anomaly row of that instrument, type and time. */
  private static double zScore(Connection c, String instrument, String type, long tsUs)
      throws Exception {
    try (java.sql.PreparedStatement s =
        c.prepareStatement(
            "SELECT z_score FROM market_anomalies WHERE instrument = ? AND anomaly_type = ?"
                + " AND ts = ?")) {
      s.setString(1, instrument);
      s.setString(2, type);
      s.setObject(
          3,
          java.time.OffsetDateTime.ofInstant(
              java.time.Instant.ofEpochMilli(tsUs / 1_000L), java.time.ZoneOffset.UTC));
      try (ResultSet rs = s.executeQuery()) {
        assertThat(rs.next()).as("%s %s at %s", instrument, type, tsUs).isTrue();
        return rs.getDouble(1);
      }
    }
  }

  private static long count(Connection c, String table) throws Exception {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** The minutes of the walk's liquidity at 30 % of its usual (STRESSED) and at 10 % (CRISIS). */
  private static final int STRESSED_FROM = 100;

  private static final int CRISIS_AT = 106;

  /** The minute of the follower's spread blowout. */
  private static final int BLOWOUT_AT = 90;

  /** The end of minute {@code m} of the replay starting at {@code startMs}, epoch µs. */
  private static long endUs(long startMs, int m) {
    return (startMs + (m + 1) * 60_000L) * 1_000L;
  }

  /** Each bar's minute's liquidity: about 1 M USD, the walk's drops as above. */
  static List<LiquidityMetrics> liquidity(List<OhlcBar> bars, long startMs) {
    java.util.Random random = new java.util.Random(31);
    List<LiquidityMetrics> out = new java.util.ArrayList<>();
    for (OhlcBar bar : bars) {
      int m = (int) ((bar.getBucketStartUs() / 1_000L - startMs) / 60_000L);
      double total = 1e6 * (1 + 0.05 * random.nextGaussian());
      if (bar.getInstrument().equals(AnalyticsBars.WALK) && m >= STRESSED_FROM && m <= CRISIS_AT) {
        total = m == CRISIS_AT ? 1e5 : 3e5;
      }
      out.add(
          MicrostructureRecords.liquidity(
              bar.getInstrument(), bar.getBucketStartUs() / 1_000L, total));
    }
    return out;
  }

  /** The follower's seconds: spreads of about 1 bps, 40 seconds at 20 bps in one minute. */
  private static List<MarketMicrostructure> seconds(long startMs) {
    java.util.Random random = new java.util.Random(37);
    List<MarketMicrostructure> out = new java.util.ArrayList<>();
    for (int m = 0; m < MINUTES; m++) {
      for (int second = 0; second < 60; second++) {
        double spread =
            m == BLOWOUT_AT && second >= 10 && second < 50 ? 20 : 1 + 0.2 * random.nextDouble();
        out.add(
            MicrostructureRecords.second(
                AnalyticsBars.FOLLOWER, startMs + m * 60_000L + second * 1_000L, spread));
      }
    }
    return out;
  }

  /** Records of {@code spec} as their producer writes them: key, event-time timestamp, Avro. */
  static <T extends org.apache.avro.specific.SpecificRecordBase> void publishAll(
      EmbeddedKafka kafka, String topic, TopicSpec<T> spec, List<T> records) {
    send(kafka, encoded(topic, spec, records));
  }

  /** The bars, then a record that is not Avro. */
  static void publish(EmbeddedKafka kafka, String topic, List<OhlcBar> bars) {
    List<ProducerRecord<byte[], byte[]>> records = encoded(topic, TopicSpec.BARS, bars);
    records.add(
        new ProducerRecord<>(
            topic,
            null,
            TopicSpec.BARS.timestampMs(bars.get(0)),
            AnalyticsBars.BTC.getBytes(StandardCharsets.UTF_8),
            "not avro".getBytes(StandardCharsets.UTF_8)));
    send(kafka, records);
  }

  private static <T extends org.apache.avro.specific.SpecificRecordBase>
      List<ProducerRecord<byte[], byte[]>> encoded(
          String topic, TopicSpec<T> spec, List<T> records) {
    AvroCodec<T> codec = AvroCodec.of(spec.type());
    List<ProducerRecord<byte[], byte[]>> out = new java.util.ArrayList<>();
    for (T record : records) {
      out.add(
          new ProducerRecord<>(
              topic, null, spec.timestampMs(record), spec.keyBytes(record), codec.encode(record)));
    }
    return out;
  }

  private static void send(EmbeddedKafka kafka, List<ProducerRecord<byte[], byte[]>> records) {
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
            new ByteArraySerializer(),
            new ByteArraySerializer())) {
      records.forEach(producer::send);
      producer.flush();
    }
  }
}
