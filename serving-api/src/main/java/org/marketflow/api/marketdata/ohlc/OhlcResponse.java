package org.marketflow.api.marketdata.ohlc;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.List;
import org.marketflow.api.persistence.EngineIds;

/**
 * The body of {@code GET /api/institutional/market-data/ohlc}: the selection as asked ({@code
 * instrument} or {@code eventId}, the other {@code null}), the interval, and the bars in ascending
 * bucket-start order.
 */
@JsonPropertyOrder({"instrument", "eventId", "interval", "count", "bars"})
public record OhlcResponse(
    String instrument, String eventId, String interval, int count, List<Bar> bars) {

  /**
   * One bar, the institutional design's {@code OHLCBar} plus the instrument id and the bar's
   * provenance. {@code eventId}, {@code outcomeId} and {@code option} are {@code null} for exchange
   * instruments. Prices and volumes are the stored doubles, unrounded.
   */
  @JsonPropertyOrder({
    "instrument",
    "eventId",
    "outcomeId",
    "option",
    "timestamp",
    "interval",
    "open",
    "high",
    "low",
    "close",
    "volume",
    "quoteVolume",
    "trades",
    "vwap",
    "firstTradeTime",
    "lastTradeTime",
    "revision"
  })
  public record Bar(
      String instrument,
      String eventId,
      String outcomeId,
      String option,
      Instant timestamp,
      String interval,
      double open,
      double high,
      double low,
      double close,
      double volume,
      double quoteVolume,
      long trades,
      double vwap,
      Instant firstTradeTime,
      Instant lastTradeTime,
      int revision) {

    static Bar of(StoredOhlcBar row) {
      EngineIds ids = EngineIds.of(row.instrument());
      return new Bar(
          row.instrument(),
          ids.eventId(),
          ids.outcomeId(),
          ids.option(),
          row.bucketStart(),
          row.interval(),
          row.open(),
          row.high(),
          row.low(),
          row.close(),
          row.volume(),
          row.quoteVolume(),
          row.tradeCount(),
          row.vwap(),
          row.firstTradeTime(),
          row.lastTradeTime(),
          row.revision());
    }
  }
}
