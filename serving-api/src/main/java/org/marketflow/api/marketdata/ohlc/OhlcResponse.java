package org.marketflow.api.marketdata.ohlc;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.List;
import org.marketflow.api.common.MarketOfInstrument;

/**
 * The body of {@code GET /api/institutional/market-data/ohlc}: the selection as asked ({@code
 * instrument} or {@code eventId}, the other {@code null}), the interval, the gap filling, the bars
 * in ascending bucket-start order, and the cursor of the next page ({@code null} on the last).
 */
@JsonPropertyOrder({"instrument", "eventId", "interval", "fill", "count", "nextCursor", "bars"})
public record OhlcResponse(
    String instrument,
    String eventId,
    String interval,
    String fill,
    int count,
    String nextCursor,
    List<Bar> bars) {

  /**
   * One bar, the institutional design's {@code OHLCBar} plus the instrument id and the bar's
   * provenance. {@code eventId}, {@code outcomeId} and {@code option} are {@code null} for exchange
   * instruments. Prices and volumes are the stored doubles, unrounded. A {@code filled} bar stands
   * for an interval without trades ({@link GapFill#PREVIOUS}): its {@code vwap}, trade times are
   * {@code null}, its volumes and trades 0.
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
    "revision",
    "filled"
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
      Double vwap,
      Instant firstTradeTime,
      Instant lastTradeTime,
      int revision,
      boolean filled) {

    static Bar of(StoredOhlcBar row) {
      MarketOfInstrument market = MarketOfInstrument.of(row.instrument());
      return new Bar(
          row.instrument(),
          market.eventId(),
          market.outcomeId(),
          market.option(),
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
          row.revision(),
          false);
    }

    /** A bar for the interval at {@code start}, which had no trade, at the previous close. */
    static Bar filled(String instrument, String interval, Instant start, double close) {
      MarketOfInstrument market = MarketOfInstrument.of(instrument);
      return new Bar(
          instrument,
          market.eventId(),
          market.outcomeId(),
          market.option(),
          start,
          interval,
          close,
          close,
          close,
          close,
          0,
          0,
          0,
          null,
          null,
          null,
          0,
          true);
    }
  }
}
