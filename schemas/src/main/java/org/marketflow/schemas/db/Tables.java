package org.marketflow.schemas.db;

import java.util.List;

/** The tables the suite writes and reads, each described once (see {@link TableSpec}). */
public final class Tables {

  /**
   * {@code ohlc_bars}: one row per instrument, interval and bucket, the latest revision of the bar.
   * Times are {@code timestamptz}; prices and volumes {@code double precision}.
   */
  public static final TableSpec OHLC_BARS =
      new TableSpec(
          "ohlc_bars",
          List.of(
              "instrument",
              "bar_interval",
              "bucket_start",
              "open",
              "high",
              "low",
              "close",
              "volume",
              "quote_volume",
              "trade_count",
              "vwap",
              "first_trade_time",
              "last_trade_time",
              "revision",
              "buy_volume",
              "sell_volume",
              "buy_trade_count",
              "sell_trade_count",
              "is_final"),
          List.of("instrument", "bar_interval", "bucket_start"));

  /**
   * {@code market_ticks}: one row per {@code MarketTick}, keyed by instrument, exchange time and
   * the tick's index within that microsecond. {@code latency_us} is a {@code bigint} of
   * microseconds, {@code tick_source} {@code BOOK} or {@code TRADE}.
   */
  public static final TableSpec MARKET_TICKS =
      new TableSpec(
          "market_ticks",
          List.of(
              "timestamp",
              "asset_id",
              "bid",
              "ask",
              "last_price",
              "volume",
              "sequence_number",
              "latency_us",
              "exchange",
              "tick_index",
              "tick_source",
              "bid_size",
              "ask_size",
              "last_size"),
          List.of("asset_id", "timestamp", "tick_index"));

  /**
   * {@code trades}: the trade archive, one row per trade, written once and never changed (inserted
   * with {@link TableSpec#insertIfAbsent}). Keyed by instrument, exchange time and trade id: the
   * venue's id, or an id derived from the trade when the venue gives none (jobs-ohlc's {@code
   * TradeArchiveIds}). {@code side} is {@code BUY}, {@code SELL} or {@code UNKNOWN}.
   */
  public static final TableSpec TRADES =
      new TableSpec(
          "trades",
          List.of(
              "instrument",
              "exchange_time",
              "receive_time",
              "trade_id",
              "sequence",
              "price",
              "size",
              "side",
              "is_amm_trade",
              "order_id"),
          List.of("instrument", "exchange_time", "trade_id"));

  /**
   * {@code order_book_snapshots}: one row per {@code OrderBookSnapshot}. Levels are parallel
   * arrays, best first: {@code double precision[]} prices and sizes, {@code integer[]} order counts
   * ({@code NULL} when no level has one).
   */
  public static final TableSpec ORDER_BOOK_SNAPSHOTS =
      new TableSpec(
          "order_book_snapshots",
          List.of(
              "timestamp",
              "asset_id",
              "reason",
              "last_update_time",
              "sequence_number",
              "depth_levels",
              "book_bid_levels",
              "book_ask_levels",
              "bid_prices",
              "bid_sizes",
              "bid_order_counts",
              "ask_prices",
              "ask_sizes",
              "ask_order_counts",
              "checksum"),
          List.of("asset_id", "timestamp", "reason"));

  /** {@code market_microstructure}: one row per instrument and second. */
  public static final TableSpec MARKET_MICROSTRUCTURE =
      new TableSpec(
          "market_microstructure",
          List.of(
              "timestamp",
              "asset_id",
              "spread_bps",
              "depth_bid",
              "depth_ask",
              "imbalance_ratio",
              "tick_frequency",
              "mid_price",
              "microprice",
              "quoted_spread_bps",
              "effective_spread_bps",
              "realized_spread_bps",
              "realized_spread_horizon_us",
              "depth_band_bps",
              "depth_bid_notional",
              "depth_ask_notional",
              "depth_top_levels",
              "depth_bid_top",
              "depth_ask_top",
              "price_impact_notional",
              "price_impact_buy_bps",
              "price_impact_sell_bps",
              "trade_count",
              "volume"),
          List.of("timestamp", "asset_id"));

  /**
   * {@code liquidity_metrics}: one row per instrument and minute; {@code toxicity_score} is VPIN.
   */
  public static final TableSpec LIQUIDITY_METRICS =
      new TableSpec(
          "liquidity_metrics",
          List.of(
              "timestamp",
              "asset_id",
              "bid_liquidity_usd",
              "ask_liquidity_usd",
              "liquidity_score",
              "resilience_score",
              "toxicity_score",
              "total_liquidity_usd",
              "liquidity_band_bps",
              "resilience_half_life_s",
              "vpin_bucket_volume",
              "vpin_window_buckets"),
          List.of("timestamp", "asset_id"));

  /** {@code prediction_pair_metrics}: one row per prediction-market outcome and second. */
  public static final TableSpec PREDICTION_PAIR_METRICS =
      new TableSpec(
          "prediction_pair_metrics",
          List.of(
              "timestamp",
              "event_id",
              "outcome_id",
              "yes_bid",
              "yes_ask",
              "no_bid",
              "no_ask",
              "yes_mid",
              "no_mid",
              "implied_probability",
              "implied_probability_from_no",
              "overround",
              "arbitrage_buy_gap",
              "arbitrage_sell_gap"),
          List.of("event_id", "outcome_id", "timestamp"));

  /** The columns of both statistics tables, in order. */
  private static final List<String> STATISTICS_COLUMNS =
      List.of(
          "instrument",
          "period",
          "period_end",
          "period_start",
          "bar_count",
          "volume",
          "quote_volume",
          "trade_count",
          "buy_volume",
          "sell_volume",
          "open",
          "high",
          "low",
          "close",
          "vwap",
          "volatility",
          "annualized_volatility",
          "liquidity_usd",
          "liquidity_bucket_start");

  /**
   * {@code market_statistics}: one row per instrument, period ({@code 1h}, {@code 24h}, {@code 7d},
   * {@code 30d}) and period end, a {@code MarketStatistics}; never revised.
   */
  public static final TableSpec MARKET_STATISTICS =
      new TableSpec(
          "market_statistics", STATISTICS_COLUMNS, List.of("instrument", "period", "period_end"));

  /**
   * {@code market_statistics_latest}: the latest row of {@link #MARKET_STATISTICS} for each
   * instrument and period, the same columns; upserted only by a later {@code period_end}.
   */
  public static final TableSpec MARKET_STATISTICS_LATEST =
      new TableSpec(
          "market_statistics_latest", STATISTICS_COLUMNS, List.of("instrument", "period"));

  /** {@code volatility_metrics}: one row per instrument, window and minute, a VolatilityMetrics. */
  public static final TableSpec VOLATILITY_METRICS =
      new TableSpec(
          "volatility_metrics",
          List.of(
              "instrument",
              "rolling_window",
              "ts",
              "bars",
              "realized_vol",
              "implied_vol",
              "parkinson_vol",
              "garman_klass_vol",
              "vol_of_vol",
              "vol_regime",
              "garch_omega",
              "garch_alpha",
              "garch_beta",
              "garch_log_likelihood",
              "garch_converged",
              "garch_note",
              "garch_next_vol",
              "garch_horizon_vol",
              "garch_horizon_minutes",
              "null_reason"),
          List.of("instrument", "rolling_window", "ts"));

  /** {@code correlation_matrices}: one row per window, method and sampling boundary. */
  public static final TableSpec CORRELATION_MATRICES =
      new TableSpec(
          "correlation_matrices",
          List.of(
              "rolling_window",
              "method",
              "ts",
              "sampling_seconds",
              "assets",
              "correlations",
              "p_values",
              "observations",
              "changes",
              "average_correlation",
              "average_change",
              "correlation_regime",
              "clusters"),
          List.of("rolling_window", "method", "ts"));

  /** {@code market_regimes}: one row per instrument and minute, a MarketRegimeIndicators. */
  public static final TableSpec MARKET_REGIMES =
      new TableSpec(
          "market_regimes",
          List.of(
              "instrument",
              "ts",
              "trend_strength",
              "trend_direction",
              "volatility_regime",
              "liquidity_regime",
              "correlation_regime",
              "hmm_state",
              "regime_probability",
              "regime"),
          List.of("instrument", "ts"));

  /** {@code market_anomalies}: one row per instrument, bar end and anomaly type. */
  public static final TableSpec MARKET_ANOMALIES =
      new TableSpec(
          "market_anomalies",
          List.of(
              "instrument",
              "ts",
              "anomaly_type",
              "severity",
              "z_score",
              "value",
              "median",
              "description",
              "recommended_action"),
          List.of("instrument", "ts", "anomaly_type"));

  /** Every table above. */
  public static final List<TableSpec> ALL =
      List.of(
          OHLC_BARS,
          MARKET_TICKS,
          TRADES,
          ORDER_BOOK_SNAPSHOTS,
          MARKET_MICROSTRUCTURE,
          LIQUIDITY_METRICS,
          PREDICTION_PAIR_METRICS,
          MARKET_STATISTICS,
          MARKET_STATISTICS_LATEST,
          VOLATILITY_METRICS,
          CORRELATION_MATRICES,
          MARKET_REGIMES,
          MARKET_ANOMALIES);

  private Tables() {}
}
