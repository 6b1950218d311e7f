package org.marketflow.api.marketdata.orderbook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.logging.Logger;
import org.marketflow.api.cache.CacheTtls;
import org.marketflow.api.cache.ResponseCache;
import org.marketflow.api.error.ApiException;
import org.marketflow.api.error.ErrorCode;
import org.marketflow.schemas.redis.RedisKeys;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Answers the live order book from {@code market:book:{id}}, which jobs-microstructure rewrites at
 * every snapshot with a 2 s TTL: that key is the book's cache, read as is (a second copy would only
 * make the book older). When Redis is away, the latest {@code order_book_snapshots} row of the last
 * 2 s stands in for the key. No snapshot: 404 {@link ErrorCode#NO_LIVE_ORDER_BOOK}.
 */
@ApplicationScoped
public class OrderBookService {

  static final String ENDPOINT = "orderbook";

  private static final Logger LOG = Logger.getLogger(OrderBookService.class);

  private final JedisPooled redis;
  private final ObjectMapper json;
  private final OrderBookSnapshotRepository snapshots;
  private final ResponseCache cache;
  private final Clock clock = Clock.systemUTC();

  public OrderBookService(
      JedisPooled redis,
      ObjectMapper json,
      OrderBookSnapshotRepository snapshots,
      ResponseCache cache) {
    this.redis = redis;
    this.json = json;
    this.snapshots = snapshots;
    this.cache = cache;
  }

  public OrderBookResponse find(OrderBookQuery query) {
    BookSnapshot book = live(query.instrument());
    if (book == null) {
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("instrument", query.instrument());
      details.put(
          "reason",
          "no snapshot in the last "
              + CacheTtls.ORDER_BOOK.toSeconds()
              + " s: unknown instrument, book not synced, or no change for that long");
      throw new ApiException(
          ErrorCode.NO_LIVE_ORDER_BOOK,
          "No live order book for '" + query.instrument() + "'",
          details);
    }
    return OrderBookResponse.of(book, query.depth());
  }

  private BookSnapshot live(String instrument) {
    String value;
    try {
      value = redis.get(RedisKeys.BOOK + instrument);
    } catch (JedisException e) {
      cache.count(ENDPOINT, "error");
      LOG.debugf("Redis unavailable for the order book, reading the database: %s", e.getMessage());
      return snapshots.latest(instrument, clock.instant().minus(CacheTtls.ORDER_BOOK));
    }
    if (value == null) {
      cache.count(ENDPOINT, "miss");
      return null;
    }
    try {
      BookSnapshot book = json.readValue(value, BookSnapshot.class);
      cache.count(ENDPOINT, "hit");
      return book;
    } catch (JsonProcessingException e) {
      LOG.warnf("Unreadable %s%s, reading the database: %s", RedisKeys.BOOK, instrument, e);
      cache.count(ENDPOINT, "error");
      return snapshots.latest(instrument, clock.instant().minus(CacheTtls.ORDER_BOOK));
    }
  }
}
