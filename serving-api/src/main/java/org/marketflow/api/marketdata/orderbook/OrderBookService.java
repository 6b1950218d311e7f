package org.marketflow.api.marketdata.orderbook;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReferenceArray;
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
 * every snapshot with a 2 s TTL: that key is the book's cache, read as is at every request (a
 * second copy would only make the book older). When Redis is away, the latest {@code
 * order_book_snapshots} row of the last 2 s stands in for the key. No snapshot: 404 {@link
 * ErrorCode#NO_LIVE_ORDER_BOOK}.
 *
 * <p>A book changes a few times a second and is asked for far more often, so the book last read of
 * each instrument is kept with its answers by depth: while the key holds the same bytes, a request
 * costs the {@code GET} and a comparison, and its answer is the JSON rendered for the first request
 * of that depth. Up to {@link #RENDERED_BOOKS} books are kept, each dropped when unread for {@link
 * #RENDERED_FOR}.
 */
@ApplicationScoped
public class OrderBookService {

  static final String ENDPOINT = "orderbook";

  static final int RENDERED_BOOKS = 1_000;
  static final Duration RENDERED_FOR = Duration.ofSeconds(10);

  private static final Logger LOG = Logger.getLogger(OrderBookService.class);

  private final JedisPooled redis;
  private final ObjectReader bookReader;
  private final OrderBookSnapshotRepository snapshots;
  private final ResponseCache.Answers<OrderBookResponse> answers;
  private final Clock clock = Clock.systemUTC();
  private final Cache<String, Rendered> rendered =
      Caffeine.newBuilder().maximumSize(RENDERED_BOOKS).expireAfterAccess(RENDERED_FOR).build();

  public OrderBookService(
      JedisPooled redis,
      ObjectMapper json,
      OrderBookSnapshotRepository snapshots,
      ResponseCache cache) {
    this.redis = redis;
    this.bookReader = json.readerFor(BookSnapshot.class);
    this.snapshots = snapshots;
    this.answers = cache.answers(ENDPOINT, OrderBookResponse.class);
  }

  /** One book as read from its key, and its answers by depth as they are asked for. */
  private record Rendered(byte[] value, BookSnapshot book, AtomicReferenceArray<byte[]> byDepth) {

    Rendered(byte[] value, BookSnapshot book) {
      this(value, book, new AtomicReferenceArray<>(OrderBookParameters.MAX_DEPTH + 1));
    }
  }

  /**
   * The {@link OrderBookResponse} of the query's instrument, as JSON.
   *
   * @throws ApiException 404 {@link ErrorCode#NO_LIVE_ORDER_BOOK} without a live book
   */
  public byte[] find(OrderBookQuery query) {
    String instrument = query.instrument();
    byte[] value;
    try {
      value = redis.get((RedisKeys.BOOK + instrument).getBytes(StandardCharsets.UTF_8));
    } catch (JedisException e) {
      answers.lookups().error().increment();
      LOG.debugf("Redis unavailable for the order book, reading the database: %s", e.getMessage());
      return fromDatabase(query);
    }
    if (value == null) {
      answers.lookups().miss().increment();
      throw noLiveBook(instrument);
    }
    Rendered book = rendered.getIfPresent(instrument);
    if (book == null || !Arrays.equals(book.value(), value)) {
      try {
        book = new Rendered(value, bookReader.readValue(value));
      } catch (IOException e) {
        LOG.warnf("Unreadable %s%s, reading the database: %s", RedisKeys.BOOK, instrument, e);
        answers.lookups().error().increment();
        return fromDatabase(query);
      }
      rendered.put(instrument, book);
    }
    answers.lookups().hit().increment();
    byte[] answer = book.byDepth().get(query.depth());
    if (answer == null) {
      answer = answers.json(OrderBookResponse.of(book.book(), query.depth()));
      book.byDepth().set(query.depth(), answer);
    }
    return answer;
  }

  private byte[] fromDatabase(OrderBookQuery query) {
    BookSnapshot book =
        snapshots.latest(query.instrument(), clock.instant().minus(CacheTtls.ORDER_BOOK));
    if (book == null) {
      throw noLiveBook(query.instrument());
    }
    return answers.json(OrderBookResponse.of(book, query.depth()));
  }

  private static ApiException noLiveBook(String instrument) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("instrument", instrument);
    details.put(
        "reason",
        "no snapshot in the last "
            + CacheTtls.ORDER_BOOK.toSeconds()
            + " s: unknown instrument, book not synced, or no change for that long");
    return new ApiException(
        ErrorCode.NO_LIVE_ORDER_BOOK, "No live order book for '" + instrument + "'", details);
  }
}
