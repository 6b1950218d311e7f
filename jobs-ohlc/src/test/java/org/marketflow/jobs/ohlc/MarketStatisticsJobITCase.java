package org.marketflow.jobs.ohlc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.marketflow.testing.data.Trades.MINUTE_US;
import static org.marketflow.testing.data.Trades.trade;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
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
import org.marketflow.schemas.avro.DeadLetter;
import org.marketflow.schemas.avro.LiquidityMetrics;
import org.marketflow.schemas.avro.MarketStatistics;
import org.marketflow.schemas.avro.Trade;
import org.marketflow.schemas.db.Tables;
import org.marketflow.schemas.redis.RecordJson;
import org.marketflow.testing.junit.FlinkMiniCluster;
import org.marketflow.testing.junit.KafkaExtension;
import org.marketflow.testing.junit.KafkaTopic;
import org.marketflow.testing.junit.PostgresExtension;
import org.marketflow.testing.junit.RedisExtension;
import org.marketflow.testing.junit.RedisKeyPrefix;
import org.marketflow.testing.junit.TopicPartitions;
import org.marketflow.testing.servers.EmbeddedKafka;
import org.marketflow.testing.servers.PostgresDatabase;
import org.marketflow.testing.servers.RedisServer;
import org.marketflow.testing.servers.TopicContents;
import redis.clients.jedis.Jedis;

/**
 * The packaged job's market statistics on real Kafka, PostgreSQL and Redis: trades and the
 * microstructure job's liquidity in, the statistics topic, both tables and the Redis keys out; a
 * second run over the same topics leaves the tables unchanged.
 */
@ExtendWith({KafkaExtension.class, RedisExtension.class})
class MarketStatisticsJobITCase {

  @RegisterExtension static final MiniClusterExtension FLINK = FlinkMiniCluster.extension();

  @RegisterExtension
  static final PostgresExtension POSTGRES = PostgresExtension.perTest().migrated();

  private static final String BTC = "BINANCE:BTCUSDT";
  private static final String YES = "PARIFLOW:e1:o1:YES";
  private static final long MINUTE = 60_000_000L;
  private static final int MINUTES = 12;
  private static final List<String> PERIODS = List.of("1h", "24h", "7d", "30d");
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  @Test
  void writesTheStatisticsToKafkaPostgresAndRedisAndASecondRunLeavesTheTablesUnchanged(
      EmbeddedKafka kafka,
      @TopicPartitions(2) KafkaTopic trades,
      KafkaTopic liquidity,
      KafkaTopic statistics,
      KafkaTopic deadLetters,
      PostgresDatabase db,
      RedisServer redis,
      RedisKeyPrefix prefix)
      throws Exception {
    publish(kafka, trades.name(), liquidity.name());
    Configuration config =
        JobConfigBuilder.bounded(kafka.bootstrapServers(), "it-" + trades.name())
            .jdbc(db.jdbcUrl(), db.user(), db.password())
            .redis(redis.uri())
            .set(OhlcOptions.TRADES_TOPIC, trades.name())
            .set(OhlcOptions.BARS_TOPIC, kafka.uniqueTopic("bars"))
            .set(OhlcOptions.INTERVALS, List.of("1m"))
            .set(OhlcOptions.STATISTICS_TOPIC, statistics.name())
            .set(OhlcOptions.LIQUIDITY_TOPIC, liquidity.name())
            .set(OhlcOptions.REDIS_NAMESPACE, prefix.value())
            .set(JobOptions.DEAD_LETTERS_TOPIC, deadLetters.name())
            .build();

    JobRunner.execute(new OhlcJob(), config);

    // Kafka: four periods for every minute boundary up to the end of each instrument's last bar.
    List<MarketStatistics> published =
        TopicContents.readAll(
            kafka.bootstrapServers(), statistics.name(), MarketStatistics.class, TIMEOUT);
    assertThat(published).hasSize(2 * MINUTES * PERIODS.size());
    MarketStatistics btcHour = latest(published, BTC, "1h");
    assertThat(btcHour)
        .extracting(
            s -> s.getPeriodEndUs() - MINUTE_US,
            MarketStatistics::getBarCount,
            MarketStatistics::getTrades,
            MarketStatistics::getOpen,
            MarketStatistics::getClose,
            MarketStatistics::getLiquidityUsd,
            MarketStatistics::getLiquidityBucketStartUs)
        .containsExactly(
            MINUTES * MINUTE,
            MINUTES - 1, // minute 4 has no trade
            2L * (MINUTES - 1),
            100.0,
            100.0 + MINUTES - 1 + 0.5,
            1_000_000.0 + MINUTES - 1,
            MINUTE_US + (MINUTES - 1) * MINUTE);
    assertThat(btcHour.getVolatility()).isPositive();
    assertThat(latest(published, YES, "30d"))
        .extracting(
            MarketStatistics::getBarCount,
            MarketStatistics::getLow,
            MarketStatistics::getLiquidityUsd)
        .containsExactly(MINUTES - 2, 0.40, null);
    assertThat(
            TopicContents.readAll(
                kafka.bootstrapServers(), deadLetters.name(), DeadLetter.class, TIMEOUT))
        .extracting(DeadLetter::getStage, DeadLetter::getSourceTopic)
        .containsExactly(tuple("jobs-ohlc.decode", liquidity.name()));

    // PostgreSQL: the history holds what was published, the latest table each period's last row.
    try (Connection c = db.connect()) {
      assertThat(keys(c, Tables.MARKET_STATISTICS.name()))
          .containsExactlyInAnyOrderElementsOf(
              published.stream().map(MarketStatisticsJobITCase::key).toList());
      assertThat(keys(c, Tables.MARKET_STATISTICS_LATEST.name()))
          .containsExactlyInAnyOrder(
              PERIODS.stream()
                  .flatMap(p -> List.of(BTC + " " + p, YES + " " + p).stream())
                  .map(k -> k + " " + (MINUTE_US + MINUTES * MINUTE))
                  .toArray(String[]::new));
    }

    // Redis: each instrument's and period's latest row as JSON, for a minute.
    try (Jedis jedis = new Jedis(redis.uri())) {
      for (MarketStatistics s : latestRows(published)) {
        String key = prefix.key("market:stats:" + s.getInstrument() + ":" + s.getPeriod());
        assertThat(jedis.get(key)).as(key).isEqualTo(RecordJson.of(s));
        assertThat(jedis.pttl(key)).as(key).isBetween(1L, 60_000L);
      }
      assertThat(jedis.get(prefix.key("market:stats:" + YES + ":1h")))
          .contains("\"liquidityUsd\":null");
    }

    // A second run over the same topics (a restart without offsets, a backtest) changes nothing.
    Map<String, String> before = digests(db);
    Configuration again = new Configuration(config);
    again.set(JobOptions.GROUP_ID, "it-again-" + trades.name());
    JobRunner.execute(new OhlcJob(), again);
    assertThat(digests(db)).isEqualTo(before);
    List<MarketStatistics> twice = new ArrayList<>(published);
    twice.addAll(published);
    assertThat(
            TopicContents.readAll(
                kafka.bootstrapServers(), statistics.name(), MarketStatistics.class, TIMEOUT))
        .as("the second run published the same records again")
        .containsExactlyInAnyOrderElementsOf(twice);
  }

  /** 12 minutes of trades of BTC (none in minute 4) and YES (none in minutes 6 and 7). */
  private static void publish(EmbeddedKafka kafka, String trades, String liquidity)
      throws Exception {
    AvroCodec<Trade> tradeCodec = AvroCodec.of(Trade.class);
    AvroCodec<LiquidityMetrics> liquidityCodec = AvroCodec.of(LiquidityMetrics.class);
    long sequence = 0;
    try (KafkaProducer<byte[], byte[]> producer = producer(kafka)) {
      for (int m = 0; m < MINUTES; m++) {
        long minute = MINUTE_US + m * MINUTE;
        if (m != 4) {
          send(
              producer,
              trades,
              BTC,
              minute + 5_000_000,
              tradeCodec.encode(trade(BTC, minute + 5_000_000, sequence++, 100.0 + m, 1.0)));
          send(
              producer,
              trades,
              BTC,
              minute + 50_000_000,
              tradeCodec.encode(trade(BTC, minute + 50_000_000, sequence++, 100.0 + m + 0.5, 2.0)));
        }
        if (m != 6 && m != 7) {
          send(
              producer,
              trades,
              YES,
              minute + 20_000_000,
              tradeCodec.encode(
                  trade(YES, minute + 20_000_000, sequence++, 0.40 + m / 100.0, 10.0)));
          send(
              producer,
              trades,
              YES,
              minute + 50_000_000,
              tradeCodec.encode(
                  trade(YES, minute + 50_000_000, sequence++, 0.41 + m / 100.0, 5.0)));
        }
        send(
            producer,
            liquidity,
            BTC,
            minute,
            liquidityCodec.encode(
                LiquidityMetrics.newBuilder()
                    .setInstrument(BTC)
                    .setBucketStartUs(minute)
                    .setLiquidityBandBps(100.0)
                    .setTotalLiquidityUsd(1_000_000.0 + m)
                    .setVpinBucketVolume(1.0)
                    .setVpinWindowBuckets(50)
                    .build()));
      }
      send(producer, liquidity, BTC, MINUTE_US, "not avro".getBytes(StandardCharsets.UTF_8));
      producer.flush();
    }
  }

  private static MarketStatistics latest(
      List<MarketStatistics> rows, String instrument, String period) {
    return rows.stream()
        .filter(s -> s.getInstrument().equals(instrument) && s.getPeriod().equals(period))
        .max(Comparator.comparingLong(MarketStatistics::getPeriodEndUs))
        .orElseThrow();
  }

  private static List<MarketStatistics> latestRows(List<MarketStatistics> rows) {
    return new ArrayList<>(
        rows.stream()
            .collect(
                Collectors.toMap(
                    s -> s.getInstrument() + " " + s.getPeriod(),
                    Function.identity(),
                    (a, b) -> a.getPeriodEndUs() >= b.getPeriodEndUs() ? a : b))
            .values());
  }

  private static String key(MarketStatistics s) {
    return s.getInstrument() + " " + s.getPeriod() + " " + s.getPeriodEndUs();
  }

  /** Each row's instrument, period and period end in µs. */
  private static List<String> keys(Connection c, String table) throws SQLException {
    List<String> keys = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT instrument || ' ' || period || ' '"
                    + " || (extract(epoch FROM period_end) * 1000000)::bigint FROM "
                    + table)) {
      while (rs.next()) {
        keys.add(rs.getString(1));
      }
    }
    return keys;
  }

  /** Each table's row count and a digest of all its rows, in a fixed order. */
  private static Map<String, String> digests(PostgresDatabase db) throws SQLException {
    Map<String, String> digests = new TreeMap<>();
    try (Connection c = db.connect();
        Statement s = c.createStatement()) {
      for (String table :
          List.of(Tables.MARKET_STATISTICS.name(), Tables.MARKET_STATISTICS_LATEST.name())) {
        try (ResultSet rs =
            s.executeQuery(
                "SELECT count(*) || ' ' || coalesce(md5(string_agg(t::text, '|' ORDER BY"
                    + " instrument, period, period_end)), '') FROM "
                    + table
                    + " t")) {
          rs.next();
          digests.put(table, rs.getString(1));
        }
      }
    }
    return digests;
  }

  private static KafkaProducer<byte[], byte[]> producer(EmbeddedKafka kafka) {
    return new KafkaProducer<>(
        Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
        new ByteArraySerializer(),
        new ByteArraySerializer());
  }

  private static void send(
      KafkaProducer<byte[], byte[]> producer, String topic, String key, long timeUs, byte[] value) {
    producer.send(
        new ProducerRecord<>(
            topic, null, timeUs / 1_000, key.getBytes(StandardCharsets.UTF_8), value));
  }
}
