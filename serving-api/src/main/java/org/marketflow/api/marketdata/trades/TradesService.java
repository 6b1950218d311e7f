package org.marketflow.api.marketdata.trades;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.marketflow.api.cache.CacheTtls;
import org.marketflow.api.cache.ResponseCache;

/** Answers trade queries from the archive, through the answer cache. */
@ApplicationScoped
public class TradesService {

  static final String ENDPOINT = "trades";

  private final TradeRepository repository;
  private final ResponseCache.Answers<TradesResponse> answers;

  public TradesService(TradeRepository repository, ResponseCache cache) {
    this.repository = repository;
    this.answers = cache.answers(ENDPOINT, TradesResponse.class);
  }

  /** The {@link TradesResponse} to {@code query}, as JSON. */
  public byte[] find(TradesQuery query) {
    return answers.get(query.cacheKey(), CacheTtls.TRADES, () -> load(query));
  }

  /**
   * Reads one row more than the page: when it exists there is a next page, and its cursor is the
   * page's last trade; so the last page never has a cursor to an empty page.
   */
  private TradesResponse load(TradesQuery query) {
    List<StoredTrade> rows = repository.find(query, query.limit() + 1);
    String nextCursor = null;
    if (rows.size() > query.limit()) {
      rows = rows.subList(0, query.limit());
      StoredTrade last = rows.get(rows.size() - 1);
      nextCursor =
          new TradeCursor(query.sort(), last.exchangeTime(), last.instrument(), last.tradeId())
              .encode();
    }
    List<TradesResponse.Trade> trades = rows.stream().map(TradesResponse.Trade::of).toList();
    return new TradesResponse(
        query.market().instrument(),
        query.market().eventId(),
        query.sort().code(),
        trades.size(),
        nextCursor,
        trades);
  }
}
