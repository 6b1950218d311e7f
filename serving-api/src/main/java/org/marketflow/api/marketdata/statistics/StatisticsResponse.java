package org.marketflow.api.marketdata.statistics;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.List;
import org.marketflow.api.common.MarketOfInstrument;
import org.marketflow.api.common.Times;

/**
 * The body of {@code GET /api/institutional/market-data/statistics}: the selection as asked, the
 * period, and the latest statistics of each selected instrument (one for an instrument, one per
 * outcome and option of an event), ordered by instrument id.
 */
@JsonPropertyOrder({"instrument", "eventId", "period", "count", "statistics"})
public record StatisticsResponse(
    String instrument, String eventId, String period, int count, List<Statistics> statistics) {

  /**
   * The design's {@code MarketStatistics} plus the instrument, the period's start, the bar count,
   * quote and side volumes and the annualized volatility. {@code timestamp} is the period's
   * (exclusive) end; {@code liquidity} is the USD notional on the book near the mid at that time.
   * Prices, {@code vwap}, {@code volatility} and {@code liquidity} are {@code null} where the job
   * writes none (no bar in the period, too few returns, no fresh liquidity).
   */
  @JsonPropertyOrder({
    "instrument",
    "eventId",
    "outcomeId",
    "option",
    "period",
    "periodStart",
    "timestamp",
    "barCount",
    "volume",
    "quoteVolume",
    "buyVolume",
    "sellVolume",
    "trades",
    "open",
    "high",
    "low",
    "close",
    "vwap",
    "volatility",
    "annualizedVolatility",
    "liquidity"
  })
  public record Statistics(
      String instrument,
      String eventId,
      String outcomeId,
      String option,
      String period,
      Instant periodStart,
      Instant timestamp,
      int barCount,
      double volume,
      double quoteVolume,
      double buyVolume,
      double sellVolume,
      long trades,
      Double open,
      Double high,
      Double low,
      Double close,
      Double vwap,
      Double volatility,
      Double annualizedVolatility,
      Double liquidity) {

    static Statistics of(StoredStatistics s) {
      MarketOfInstrument market = MarketOfInstrument.of(s.instrument());
      return new Statistics(
          s.instrument(),
          market.eventId(),
          market.outcomeId(),
          market.option(),
          s.period(),
          Times.ofMicros(s.periodStartUs()),
          Times.ofMicros(s.periodEndUs()),
          s.barCount(),
          s.volume(),
          s.quoteVolume(),
          s.buyVolume(),
          s.sellVolume(),
          s.trades(),
          s.open(),
          s.high(),
          s.low(),
          s.close(),
          s.vwap(),
          s.volatility(),
          s.annualizedVolatility(),
          s.liquidityUsd());
    }
  }
}
