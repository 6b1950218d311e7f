package org.marketflow.benchmarks.http;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.marketflow.schemas.avro.BookLevel;
import org.marketflow.schemas.avro.OrderBookSnapshot;
import org.marketflow.schemas.avro.SnapshotReason;
import org.marketflow.schemas.db.DatabaseMigrations;
import org.marketflow.schemas.redis.RecordJson;
import org.marketflow.testing.servers.LocalPostgres;
import org.marketflow.testing.servers.LocalRedis;
import org.marketflow.testing.servers.PostgresDatabase;
import org.marketflow.testing.servers.RedisServer;
import org.marketflow.testing.service.ServingApiProcess;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.params.SetParams;

/**
 * The packaged service on this machine's local PostgreSQL and Redis, with data to serve: a fresh
 * migrated database holding {@code bars} 1-minute bars of {@link #INSTRUMENT}, its live order book
 * written to Redis every 500 ms as jobs-microstructure writes it ({@code market:book:{id}}, 2 s
 * TTL), and a read key whose account's tier admits any benchmark rate (requests still go through
 * the rate limiter's Redis round trip).
 */
public final class LocalApi implements AutoCloseable {

  public static final String INSTRUMENT = "BINANCE:BTCUSDT";
  private static final int BOOK_LEVELS = 50;

  private final PostgresDatabase database;
  private final ServingApiProcess service;
  private final ScheduledExecutorService books;
  private final JedisPooled redis;
  private final String key;

  private LocalApi(
      PostgresDatabase database,
      ServingApiProcess service,
      ScheduledExecutorService books,
      JedisPooled redis,
      String key) {
    this.database = database;
    this.service = service;
    this.books = books;
    this.redis = redis;
    this.key = key;
  }

  /**
   * Starts everything; {@code bars} 1-minute bars ending now; the service's access log on or off.
   */
  public static LocalApi start(int bars, boolean accessLog) throws Exception {
    PostgresDatabase database = LocalPostgres.shared().createDatabase("apibench");
    DatabaseMigrations.migrate(database.jdbcUrl(), database.user(), database.password());
    insertBars(database, bars);
    RedisServer redisServer = LocalRedis.shared();
    JedisPooled redis = new JedisPooled(URI.create(redisServer.uri()));
    ScheduledExecutorService books = Executors.newSingleThreadScheduledExecutor();
    books.scheduleAtFixedRate(() -> writeBook(redis), 0, 500, TimeUnit.MILLISECONDS);
    Path log = Files.createTempFile("marketflow-api-bench", ".log");
    ServingApiProcess service =
        ServingApiProcess.start(
            ServingApiProcess.packagedJar(),
            0,
            Map.of(
                "MARKETFLOW_PG_URL", database.jdbcUrl(),
                "MARKETFLOW_PG_USER", database.user(),
                "MARKETFLOW_PG_PASSWORD", database.password(),
                "MARKETFLOW_REDIS_URL", redisServer.uri(),
                "MARKETFLOW_REDIS_KEY_PREFIX", redisServer.uniqueKeyPrefix("apibench"),
                "MARKETFLOW_RATE_LIMIT_DEFAULT_REQUESTS", "100000000",
                "MARKETFLOW_RATE_LIMIT_DEFAULT_BURST", "1000000",
                "MARKETFLOW_ACCESS_LOG_ENABLED", Boolean.toString(accessLog),
                "MARKETFLOW_LIVE_ENABLED", "false"),
            log,
            Duration.ofMinutes(2));
    String key = service.createKey("api-benchmark", "read");
    return new LocalApi(database, service, books, redis, key);
  }

  public URI baseUri() {
    return service.baseUri();
  }

  public String key() {
    return key;
  }

  private static void insertBars(PostgresDatabase database, int bars) throws SQLException {
    try (Connection c =
            DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
        Statement s = c.createStatement()) {
      s.execute(
          "INSERT INTO ohlc_bars (instrument, bar_interval, bucket_start, open, high, low, close,"
              + " volume, quote_volume, trade_count, vwap, first_trade_time, last_trade_time,"
              + " revision, is_final)"
              + " SELECT '"
              + INSTRUMENT
              + "', '1m', t, 100 + i % 7, 101 + i % 7, 99 + i % 7, 100.5 + i % 7, 10, 1005, 42,"
              + " 100.5, t + interval '1 second', t + interval '59 seconds', 0, true"
              + " FROM generate_series(1, "
              + bars
              + ") AS i, LATERAL (SELECT date_trunc('minute', now()) - i * interval '1 minute' AS t)"
              + " AS times");
    }
  }

  private static void writeBook(JedisPooled redis) {
    long now = Instant.now().toEpochMilli() * 1_000;
    List<BookLevel> bids = new ArrayList<>();
    List<BookLevel> asks = new ArrayList<>();
    for (int i = 0; i < BOOK_LEVELS; i++) {
      bids.add(new BookLevel(100.0 - i * 0.5, 1.0 + i, i + 1));
      asks.add(new BookLevel(100.5 + i * 0.5, 1.0 + i, i + 1));
    }
    OrderBookSnapshot snapshot =
        OrderBookSnapshot.newBuilder()
            .setInstrument(INSTRUMENT)
            .setSnapshotTimeUs(now)
            .setReason(SnapshotReason.INTERVAL)
            .setLastUpdateTimeUs(now)
            .setLastSequence(null)
            .setDepthLevels(BOOK_LEVELS)
            .setBookBidLevels(BOOK_LEVELS)
            .setBookAskLevels(BOOK_LEVELS)
            .setBids(bids)
            .setAsks(asks)
            .setChecksum(0L)
            .build();
    redis.set(
        "market:book:" + INSTRUMENT, RecordJson.of(snapshot), SetParams.setParams().px(2_000));
  }

  @Override
  public void close() throws IOException, InterruptedException {
    books.shutdownNow();
    service.close();
    redis.close();
    database.close();
  }
}
