package org.marketflow.api.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.marketflow.api.common.Times;
import org.marketflow.api.testing.ApiCalls;
import org.marketflow.api.testing.PostgresTestResource;

/**
 * With Redis unreachable (a closed port), every endpoint still answers from PostgreSQL, and the
 * failed cache lookups are counted as {@code error}.
 */
@QuarkusTest
@TestProfile(RedisUnavailableTest.RedisAway.class)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class RedisUnavailableTest {

  /** Port 1 on the loopback: nothing listens there, so every command is refused at once. */
  public static class RedisAway implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "marketflow.redis.url", "redis://127.0.0.1:1", "marketflow.cache.enabled", "true");
    }
  }

  private static final String MARKET_DATA = "/api/institutional/market-data/";

  @Inject MeterRegistry meters;
  @Inject DataSource dataSource;

  private double errors(String endpoint) {
    Counter counter =
        meters.find(ResponseCache.METRIC).tags("endpoint", endpoint, "result", "error").counter();
    return counter == null ? 0 : counter.count();
  }

  @Test
  void tradesAndOhlcAndStatisticsAnswerFromTheDatabase() {
    double before = errors("trades");

    ApiCalls.authorized()
        .queryParam("instrument", "BINANCE:BTCUSDT")
        .when()
        .get(MARKET_DATA + "trades")
        .then()
        .statusCode(200)
        .body("count", equalTo(25));
    ApiCalls.authorized()
        .queryParams(Map.of("instrument", "BINANCE:BTCUSDT", "interval", "1m"))
        .when()
        .get(MARKET_DATA + "ohlc")
        .then()
        .statusCode(200)
        .body("count", equalTo(10));
    ApiCalls.authorized()
        .queryParam("instrument", "SIM:STATS-DB")
        .when()
        .get(MARKET_DATA + "statistics")
        .then()
        .statusCode(200)
        .body("statistics[0].barCount", equalTo(1440));

    assertThat(errors("trades")).isEqualTo(before + 1);
  }

  @Test
  void theOrderBookComesFromTheLatestSnapshotRowOfTheLastTwoSeconds() throws SQLException {
    Instant now = Instant.now();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement insert =
            connection.prepareStatement(
                "INSERT INTO order_book_snapshots (timestamp, asset_id, reason, last_update_time,"
                    + " depth_levels, book_bid_levels, book_ask_levels, bid_prices, bid_sizes,"
                    + " bid_order_counts, ask_prices, ask_sizes, ask_order_counts, checksum)"
                    + " VALUES (?, 'SIM:DB-BOOK', 'INTERVAL', ?, 2, 2, 1,"
                    + " '{100.0,99.5}', '{1.5,2.0}', '{3,NULL}', '{100.25}', '{0.5}', NULL, 7)")) {
      insert.setObject(1, Times.utc(now));
      insert.setObject(2, Times.utc(now));
      insert.executeUpdate();
    }

    ApiCalls.authorized()
        .queryParam("instrument", "SIM:DB-BOOK")
        .when()
        .get(MARKET_DATA + "orderbook")
        .then()
        .statusCode(200)
        .body("bids[0].price", equalTo(100.0f))
        .body("bids[0].orderCount", equalTo(3))
        .body("bids[1].amount", equalTo(2.0f))
        .body("asks[0].orderCount", equalTo(null))
        .body("spread", equalTo(0.25f))
        .body("midPrice", equalTo(100.125f));
    ApiCalls.authorized()
        .queryParam("instrument", "SIM:NEVER-BOOKED")
        .when()
        .get(MARKET_DATA + "orderbook")
        .then()
        .statusCode(404)
        .body("code", equalTo("NO_LIVE_ORDER_BOOK"));
  }
}
