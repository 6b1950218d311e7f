package org.marketflow.api.marketdata.trades;

import static org.marketflow.api.common.QueryParameters.given;

import java.time.Instant;
import org.marketflow.api.common.MarketSelection;
import org.marketflow.api.common.OpaqueCursor;
import org.marketflow.api.common.QueryParameters;
import org.marketflow.api.error.InvalidParameterException;

/**
 * A validated {@code GET /api/institutional/market-data/trades} request.
 *
 * @param startTime inclusive lower bound on the exchange time, or {@code null}
 * @param endTime exclusive upper bound, or {@code null}
 * @param offset rows to skip, 0 without
 * @param cursor the position to continue after, or {@code null}
 */
public record TradesQuery(
    MarketSelection market,
    Instant startTime,
    Instant endTime,
    int limit,
    int offset,
    SortOrder sort,
    TradeCursor cursor) {

  public static final int DEFAULT_LIMIT = 100;
  public static final int MAX_LIMIT = 1_000;

  /**
   * The deepest offset accepted: a page at offset n reads and drops n rows, so deep pages are slow;
   * the cursor pages at any depth.
   */
  public static final int MAX_OFFSET = 100_000;

  /**
   * Checks the parameters in order: market, times, limit, sort, offset, cursor.
   *
   * @throws InvalidParameterException for the first missing, malformed or conflicting parameter
   */
  static TradesQuery parse(TradesParameters p) {
    MarketSelection market = p.market();
    Instant start = QueryParameters.instant("startTime", p.startTime);
    Instant end = QueryParameters.instant("endTime", p.endTime);
    if (start != null && end != null && start.isAfter(end)) {
      throw new InvalidParameterException(
          "startTime", p.startTime, "must not be after endTime (" + p.endTime + ")");
    }
    int limit = QueryParameters.intInRange("limit", p.limit, 1, MAX_LIMIT, DEFAULT_LIMIT);
    SortOrder sort = SortOrder.parse("sort", p.sort);
    int offset = QueryParameters.intInRange("offset", p.offset, 0, MAX_OFFSET, 0);
    TradeCursor cursor = null;
    if (given(p.cursor) != null) {
      if (given(p.offset) != null) {
        throw new InvalidParameterException(
            "cursor", p.cursor, "not allowed with offset: page with one or the other");
      }
      cursor = TradeCursor.decode("cursor", p.cursor);
      if (cursor.sort() != sort) {
        throw new InvalidParameterException(
            "cursor",
            p.cursor,
            "was returned for sort=" + cursor.sort().code() + "; repeat that sort with it");
      }
      if (market.selector().exact() != null
          && !market.selector().exact().equals(cursor.instrument())) {
        throw new InvalidParameterException("cursor", p.cursor, OpaqueCursor.REASON);
      }
    }
    return new TradesQuery(market, start, end, limit, offset, sort, cursor);
  }

  /** The query in a fixed form, for the cache key. */
  public String cacheKey() {
    return String.join(
        "|",
        market.cacheKey(),
        String.valueOf(startTime),
        String.valueOf(endTime),
        Integer.toString(limit),
        Integer.toString(offset),
        sort.code(),
        cursor == null ? "" : cursor.encode());
  }
}
