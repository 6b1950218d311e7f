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
              "revision"),
          List.of("instrument", "bar_interval", "bucket_start"));

  private Tables() {}
}
