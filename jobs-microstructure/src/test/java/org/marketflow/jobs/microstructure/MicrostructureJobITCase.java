package org.marketflow.jobs.microstructure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.marketflow.ingest.kafka.NormalizedPublisher;
import org.marketflow.ingest.replay.Pacer;
import org.marketflow.ingest.replay.Replay;
import org.marketflow.ingest.replay.ReplayStats;
import org.marketflow.jobs.common.JobRunner;
import org.marketflow.jobs.common.options.JobConfigBuilder;
import org.marketflow.jobs.common.options.JobOptions;
import org.marketflow.jobs.microstructure.metrics.MicrostructureParams;
import org.marketflow.schemas.avro.BookLevel;
import org.marketflow.schemas.avro.BookStatus;
import org.marketflow.schemas.avro.BookUpdate;
import org.marketflow.schemas.avro.BookUpdateKind;
import org.marketflow.schemas.avro.MarketMicrostructure;
import org.marketflow.schemas.avro.MarketTick;
import org.marketflow.schemas.avro.OrderBookSnapshot;
import org.marketflow.schemas.avro.Quote;
import org.marketflow.schemas.db.DatabaseMigrations;
import org.marketflow.schemas.db.Tables;
import org.marketflow.schemas.kafka.DeadLetters;
import org.marketflow.schemas.kafka.Topics;
import org.marketflow.schemas.redis.RecordJson;
import org.marketflow.testing.data.SharedData;
import org.marketflow.testing.junit.FailOnce;
import org.marketflow.testing.junit.FlinkMiniCluster;
import org.marketflow.testing.junit.KafkaExtension;
import org.marketflow.testing.junit.PostgresExtension;
import org.marketflow.testing.junit.RedisExtension;
import org.marketflow.testing.junit.RedisKeyPrefix;
import org.marketflow.testing.servers.EmbeddedKafka;
import org.marketflow.testing.servers.PostgresDatabase;
import org.marketflow.testing.servers.PostgresServer;
import org.marketflow.testing.servers.RedisServer;
import org.marketflow.testing.servers.TableDigests;
import org.marketflow.testing.servers.TopicContents;
import redis.clients.jedis.Jedis;

/**
 * The packaged job end to end on the real Binance spot BTCUSDT recording: replayed by the feed
 * handler into Kafka, read bounded, written to Kafka, PostgreSQL and Redis; its books checked
 * against the venue's bookTicker and its seconds against a plain recomputation.
 */
@ExtendWith({KafkaExtension.class, RedisExtension.class})
class MicrostructureJobITCase {

  @RegisterExtension static final MiniClusterExtension FLINK = FlinkMiniCluster.extension();

  @RegisterExtension
  static final PostgresExtension POSTGRES = PostgresExtension.perTest().migrated();

  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final double BAND_BPS = MicrostructureParams.DEFAULTS.depthBandBps();

  /** The tables the job upserts, compared by {@link #digests}. */
  private static final List<String> TABLES =
      List.of(
          Tables.MARKET_TICKS.name(),
          Tables.ORDER_BOOK_SNAPSHOTS.name(),
          Tables.MARKET_MICROSTRUCTURE.name(),
          Tables.LIQUIDITY_METRICS.name());

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "binance-hftbacktest/spot_btcusdt_20240808.gz, BINANCE:BTCUSDT",
    "binance-hftbacktest/spot_ethusdt_20240808.gz, BINANCE:ETHUSDT",
    "binance-hftbacktest/usdm_btcusdt_20240808.gz, BINANCE_USDM:BTCUSDT"
  })
  void booksEqualTheVenuesTickerAndSecondsEqualAPlainRecomputation(
      String recording,
      String instrument,
      EmbeddedKafka kafka,
      PostgresDatabase db,
      RedisServer redis,
      RedisKeyPrefix prefix)
      throws Exception {
    Replayed input = replay(kafka, recording);
    ReplayStats stats = input.stats();
    String book = input.book();
    String quotes = input.quotes();
    Configuration config = config(kafka, input, db, redis, prefix);
    String snapshots = config.get(MicrostructureOptions.BOOK_SNAPSHOTS_TOPIC);
    String seconds = config.get(MicrostructureOptions.MICROSTRUCTURE_TOPIC);
    String ticks = config.get(MicrostructureOptions.TICKS_TOPIC);
    JobRunner.execute(new MicrostructureJob(), config);

    List<BookStatus> statuses =
        read(kafka, config.get(MicrostructureOptions.BOOK_STATUS_TOPIC), BookStatus.class);
    assertThat(statuses).extracting(s -> s.getState().name()).containsOnly("SYNCED");

    // Every snapshot's top of book is the venue's bookTicker in force at its last update id.
    NavigableMap<Long, Quote> quoteByUpdateId = new TreeMap<>();
    for (Quote quote : read(kafka, quotes, Quote.class)) {
      quoteByUpdateId.put(quote.getSequence(), quote);
    }
    List<OrderBookSnapshot> books = read(kafka, snapshots, OrderBookSnapshot.class);
    int compared = 0;
    int matched = 0;
    int aligned = 0;
    for (OrderBookSnapshot snapshot : books) {
      Map.Entry<Long, Quote> inForce = quoteByUpdateId.floorEntry(snapshot.getLastSequence());
      if (inForce == null) {
        continue;
      }
      compared++;
      aligned += inForce.getKey().equals(snapshot.getLastSequence()) ? 1 : 0;
      Quote quote = inForce.getValue();
      BookLevel bid = snapshot.getBids().get(0);
      BookLevel ask = snapshot.getAsks().get(0);
      if (bid.getPrice() == quote.getBidPrice()
          && bid.getSize() == quote.getBidSize()
          && ask.getPrice() == quote.getAskPrice()
          && ask.getSize() == quote.getAskSize()) {
        matched++;
      }
    }
    System.out.printf(
        "%s: %d book updates, %d quotes; %d snapshots compared with the bookTicker in force at"
            + " their update id (%d at a ticker's own id), %d matched%n",
        recording, stats.bookUpdates(), stats.quotes(), compared, aligned, matched);
    assertThat(compared).isGreaterThan(1_000);
    assertThat(aligned).isGreaterThan(100);
    assertThat(matched).isEqualTo(compared);

    // Every second's spread, mid and depth from a TreeMap book rebuilt from the book topic.
    List<BookUpdate> updates = read(kafka, book, BookUpdate.class);
    List<MarketMicrostructure> rows =
        read(kafka, seconds, MarketMicrostructure.class).stream()
            .sorted(Comparator.comparingLong(MarketMicrostructure::getBucketStartUs))
            .toList();
    TreeMap<Double, Double> bids = new TreeMap<>(Comparator.reverseOrder());
    TreeMap<Double, Double> asks = new TreeMap<>();
    int next = 0;
    long appliedAt = Long.MIN_VALUE; // an update stamped before the previous one takes its time
    int secondsMatched = 0;
    for (MarketMicrostructure row : rows) {
      long end = row.getBucketStartUs() + 1_000_000;
      while (next < updates.size()
          && Math.max(appliedAt, updates.get(next).getExchangeTimeUs()) < end) {
        BookUpdate update = updates.get(next++);
        appliedAt = Math.max(appliedAt, update.getExchangeTimeUs());
        if (update.getKind() == BookUpdateKind.SNAPSHOT) {
          bids.clear();
          asks.clear();
        }
        apply(bids, update.getBids());
        apply(asks, update.getAsks());
      }
      double bid = bids.firstKey();
      double ask = asks.firstKey();
      double mid = (bid + ask) / 2;
      double offset = mid * BAND_BPS / 10_000;
      double depthBid = 0;
      for (Map.Entry<Double, Double> level : bids.entrySet()) {
        if (level.getKey() < mid - offset) {
          break;
        }
        depthBid += level.getValue();
      }
      double depthAsk = 0;
      for (Map.Entry<Double, Double> level : asks.entrySet()) {
        if (level.getKey() > mid + offset) {
          break;
        }
        depthAsk += level.getValue();
      }
      assertThat(row.getMidPrice()).as("mid at %d", row.getBucketStartUs()).isEqualTo(mid);
      assertClose(row.getQuotedSpreadBps(), (ask - bid) / mid * 10_000, row);
      assertClose(row.getDepthBid(), depthBid, row);
      assertClose(row.getDepthAsk(), depthAsk, row);
      secondsMatched++;
    }
    System.out.printf(
        "%d seconds of MarketMicrostructure, %d equal to the recomputation%n",
        rows.size(), secondsMatched);
    assertThat(rows).hasSizeGreaterThan(60);

    // The same records in PostgreSQL, and each instrument's latest in Redis.
    List<MarketTick> tickRecords = read(kafka, ticks, MarketTick.class);
    try (Connection c = db.connect()) {
      assertThat(count(c, Tables.MARKET_TICKS.name())).isEqualTo(tickRecords.size());
      assertThat(count(c, Tables.ORDER_BOOK_SNAPSHOTS.name())).isEqualTo(books.size());
      assertThat(count(c, Tables.MARKET_MICROSTRUCTURE.name())).isEqualTo(rows.size());
    }
    try (Jedis jedis = new Jedis(redis.uri())) {
      assertThat(jedis.get(prefix.key("market:micro:" + instrument)))
          .isEqualTo(RecordJson.of(rows.get(rows.size() - 1)));
    }

    // A replay of the same topics leaves every table as it was.
    Map<String, String> before = TableDigests.of(db, TABLES);
    Configuration again = new Configuration(config);
    again.set(JobOptions.GROUP_ID, "it-again-" + book);
    JobRunner.execute(new MicrostructureJob(), again);
    assertThat(TableDigests.of(db, TABLES)).isEqualTo(before);
  }

  /**
   * The spot BTCUSDT recording run twice, each into a fresh database: once uninterrupted, once with
   * a failure halfway through its book updates, after a checkpoint has completed, and a restart
   * from the latest checkpoint. The Kafka sinks are exactly-once and the tables' writes idempotent
   * upserts, so the two runs leave the same tables.
   */
  @Test
  void aRestartFromACheckpointInTheMiddleLeavesTheTablesOfAnUninterruptedRun(
      EmbeddedKafka kafka,
      PostgresDatabase db,
      PostgresServer server,
      RedisServer redis,
      RedisKeyPrefix prefix)
      throws Exception {
    Replayed input = replay(kafka, "binance-hftbacktest/spot_btcusdt_20240808.gz");
    JobRunner.execute(new MicrostructureJob(), config(kafka, input, db, redis, prefix));
    Map<String, String> uninterrupted = TableDigests.of(db, TABLES);

    try (PostgresDatabase restarted = server.createDatabase("restarted")) {
      DatabaseMigrations.migrate(restarted.jdbcUrl(), restarted.user(), restarted.password());
      Configuration config = config(kafka, input, restarted, redis, prefix);
      config.set(JobOptions.GROUP_ID, "it-restarted-" + input.book());
      config.set(JobOptions.CHECKPOINT_INTERVAL, Duration.ofMillis(150));
      config.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
      config.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 2);
      config.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(100));
      FailOnce.reset(input.stats().bookUpdates() / 2);
      StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
      env.configure(config);
      JobRunner.prepare(
          new MicrostructureJob(
              book ->
                  book.map(new FailOnce<>(), book.getType())
                      .setParallelism(book.getParallelism())
                      .name("Fail once")),
          env,
          config);
      env.execute(MicrostructureJob.NAME);

      System.out.printf(
          "failed after %d of %d book updates, %d checkpoints completed before; restored %d"
              + " times%n",
          FailOnce.after,
          input.stats().bookUpdates(),
          FailOnce.CHECKPOINTS_BEFORE_FAILURE.get(),
          FailOnce.RESTORED.get());
      assertThat(FailOnce.FAILURES.get()).isEqualTo(1);
      assertThat(FailOnce.CHECKPOINTS_BEFORE_FAILURE.get()).isPositive();
      assertThat(FailOnce.RESTORED.get()).isPositive();
      assertThat(TableDigests.of(restarted, TABLES)).isEqualTo(uninterrupted);
    }
  }

  /** The normalized topics a recording's replay filled, and what it counted. */
  private record Replayed(
      String book, String trades, String status, String quotes, ReplayStats stats) {}

  /** Replays {@code recording} through the feed handler's publisher into fresh topics. */
  private static Replayed replay(EmbeddedKafka kafka, String recording) throws Exception {
    String book = topic(kafka, "book");
    String trades = topic(kafka, "trades");
    String status = topic(kafka, "status");
    String quotes = topic(kafka, "quotes");
    ReplayStats stats;
    try (NormalizedPublisher publisher =
        new NormalizedPublisher(
            kafka.bootstrapServers(),
            Map.of(
                Topics.BOOK, book,
                Topics.TRADES, trades,
                Topics.STATUS, status,
                Topics.QUOTES, quotes,
                Topics.DEAD_LETTERS, topic(kafka, "replay-dead-letters")),
            DeadLetters.DEFAULT)) {
      stats = new Replay(publisher, Pacer.asFastAsPossible()).replay(SharedData.file(recording));
    }
    assertThat(stats.gaps()).isZero();
    return new Replayed(book, trades, status, quotes, stats);
  }

  /** The bounded job on {@code input}, into {@code db} and Redis, with fresh output topics. */
  private static Configuration config(
      EmbeddedKafka kafka,
      Replayed input,
      PostgresDatabase db,
      RedisServer redis,
      RedisKeyPrefix prefix) {
    return JobConfigBuilder.bounded(kafka.bootstrapServers(), "it-" + input.book())
        .jdbc(db.jdbcUrl(), db.user(), db.password())
        .redis(redis.uri())
        .set(MicrostructureOptions.REDIS_NAMESPACE, prefix.value())
        .set(MicrostructureOptions.BOOK_TOPIC, input.book())
        .set(MicrostructureOptions.TRADES_TOPIC, input.trades())
        .set(MicrostructureOptions.STATUS_TOPIC, input.status())
        .set(MicrostructureOptions.TICKS_TOPIC, topic(kafka, "ticks"))
        .set(MicrostructureOptions.BOOK_SNAPSHOTS_TOPIC, topic(kafka, "book-snapshots"))
        .set(MicrostructureOptions.MICROSTRUCTURE_TOPIC, topic(kafka, "microstructure"))
        .set(MicrostructureOptions.LIQUIDITY_TOPIC, topic(kafka, "liquidity"))
        .set(MicrostructureOptions.BOOK_STATUS_TOPIC, topic(kafka, "book-status"))
        .set(MicrostructureOptions.PREDICTION_PAIRS_TOPIC, topic(kafka, "pairs"))
        .set(JobOptions.DEAD_LETTERS_TOPIC, topic(kafka, "dead-letters"))
        // a snapshot at the end of every millisecond in which the book changed
        .set(MicrostructureOptions.SNAPSHOT_INTERVAL, Duration.ofMillis(1))
        .build();
  }

  private static void apply(TreeMap<Double, Double> side, List<BookLevel> levels) {
    for (BookLevel level : levels) {
      if (level.getSize() == 0) {
        side.remove(level.getPrice());
      } else {
        side.put(level.getPrice(), level.getSize());
      }
    }
  }

  private static void assertClose(Double actual, double expected, MarketMicrostructure row) {
    assertThat(actual)
        .as("second %d", row.getBucketStartUs())
        .isCloseTo(expected, Offset.offset(1e-9 * Math.abs(expected)));
  }

  private static String topic(EmbeddedKafka kafka, String name) {
    String topic = kafka.uniqueTopic(name);
    kafka.createTopic(topic, 1);
    return topic;
  }

  private static <T extends SpecificRecordBase> List<T> read(
      EmbeddedKafka kafka, String topic, Class<T> type) throws IOException {
    return TopicContents.readAll(kafka.bootstrapServers(), topic, type, TIMEOUT);
  }

  private static long count(Connection c, String table) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
