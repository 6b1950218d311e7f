package org.marketflow.benchmarks.flink;

import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.marketflow.schemas.avro.Side;
import org.marketflow.schemas.bars.BarInterval;

/**
 * The Flink SQL queries that compute {@code OhlcJob}'s bars over {@link TradesTable}: every field
 * of a final {@code OhlcBar}, one row per instrument, interval and bar, with the columns {@link
 * #COLUMNS}. Open and close are taken in arrival order ({@code FIRST_VALUE}, {@code LAST_VALUE}),
 * which on the benchmark's topic is the job's (exchange time, sequence) order: one instrument lives
 * in one partition, in event-time order.
 */
public final class BarQueries {

  /** The intermediate view of the cascade: the bars of the smallest interval. */
  static final String BASE_VIEW = "base_bars";

  /**
   * One output column: how it aggregates trades, and how it aggregates bars of a smaller interval
   * into a bar of a larger one.
   */
  record Aggregate(String column, String ofTrades, String ofBars) {}

  static final List<Aggregate> AGGREGATES =
      List.of(
          new Aggregate("open_price", "FIRST_VALUE(price)", "FIRST_VALUE(open_price)"),
          new Aggregate("high_price", "MAX(price)", "MAX(high_price)"),
          new Aggregate("low_price", "MIN(price)", "MIN(low_price)"),
          new Aggregate("close_price", "LAST_VALUE(price)", "LAST_VALUE(close_price)"),
          new Aggregate("volume", "SUM(`size`)", "SUM(volume)"),
          new Aggregate("quote_volume", "SUM(price * `size`)", "SUM(quote_volume)"),
          new Aggregate(
              "vwap", "SUM(price * `size`) / SUM(`size`)", "SUM(quote_volume) / SUM(volume)"),
          new Aggregate("trade_count", "COUNT(*)", "SUM(trade_count)"),
          new Aggregate("buy_volume", sizeOf(Side.BUY), "SUM(buy_volume)"),
          new Aggregate("sell_volume", sizeOf(Side.SELL), "SUM(sell_volume)"),
          new Aggregate("buy_trade_count", countOf(Side.BUY), "SUM(buy_trade_count)"),
          new Aggregate("sell_trade_count", countOf(Side.SELL), "SUM(sell_trade_count)"),
          new Aggregate("first_trade_time_us", "MIN(exchangeTimeUs)", "MIN(first_trade_time_us)"),
          new Aggregate("last_trade_time_us", "MAX(exchangeTimeUs)", "MAX(last_trade_time_us)"));

  /** The key columns, then the aggregates, in this order in every query. */
  public static final List<String> COLUMNS =
      Stream.concat(
              Stream.of("instrument", "bar_interval", "bar_start"),
              AGGREGATES.stream().map(Aggregate::column))
          .toList();

  private BarQueries() {}

  /**
   * The query of {@code intervals}' bars: one window TVF for one interval, else the {@link
   * #cascade}.
   */
  public static String of(List<BarInterval> intervals) {
    return intervals.size() == 1 ? bars(intervals.get(0)) : cascade(intervals);
  }

  /** The bars of {@code interval}, one window TVF over the trades: (c) for 1 minute. */
  static String bars(BarInterval interval) {
    return "SELECT\n"
        + select(interval, "window_start", Aggregate::ofTrades, "  ")
        + "FROM TABLE(TUMBLE(TABLE "
        + TradesTable.NAME
        + ", DESCRIPTOR(event_time), "
        + sqlInterval(interval)
        + "))\n"
        + "GROUP BY instrument, window_start, window_end";
  }

  /**
   * The bars of every interval in {@code intervals}, as a cascade: the smallest interval's bars
   * from the trades (one window TVF, so every trade is shuffled and aggregated once), and each
   * larger interval's from those bars by a window TVF over their window time, all in one UNION ALL.
   * The base bars of an instrument leave their window operator in window order, so {@code
   * FIRST_VALUE} and {@code LAST_VALUE} over them take the first and last trade of the larger bar.
   */
  static String cascade(List<BarInterval> intervals) {
    List<BarInterval> sorted =
        intervals.stream()
            .distinct()
            .sorted(Comparator.comparingLong(BarInterval::micros))
            .toList();
    BarInterval base = sorted.get(0);
    StringBuilder sql = new StringBuilder();
    sql.append("WITH ")
        .append(BASE_VIEW)
        .append(" AS (\n  SELECT\n    instrument,\n    window_start AS bar_start,\n")
        .append("    window_time AS bar_time,\n")
        .append(aggregates(Aggregate::ofTrades, "    "))
        .append("  FROM TABLE(TUMBLE(TABLE ")
        .append(TradesTable.NAME)
        .append(", DESCRIPTOR(event_time), ")
        .append(sqlInterval(base))
        .append("))\n  GROUP BY instrument, window_start, window_end, window_time\n)\n");
    sql.append("SELECT\n")
        .append(select(base, "bar_start", Aggregate::column, "  "))
        .append("FROM ")
        .append(BASE_VIEW);
    for (BarInterval interval : sorted.subList(1, sorted.size())) {
      sql.append("\nUNION ALL\nSELECT\n")
          .append(select(interval, "window_start", Aggregate::ofBars, "  "))
          .append("FROM TABLE(TUMBLE(TABLE ")
          .append(BASE_VIEW)
          .append(", DESCRIPTOR(bar_time), ")
          .append(sqlInterval(interval))
          .append("))\n")
          .append("GROUP BY instrument, window_start, window_end");
    }
    return sql.toString();
  }

  private static String select(
      BarInterval interval, String start, Function<Aggregate, String> expression, String indent) {
    return indent
        + "instrument,\n"
        + indent
        + "CAST('"
        + interval.code()
        + "' AS STRING) AS bar_interval,\n"
        + indent
        + (start.equals("bar_start") ? start : start + " AS bar_start")
        + ",\n"
        + aggregates(expression, indent);
  }

  private static String aggregates(Function<Aggregate, String> expression, String indent) {
    return AGGREGATES.stream()
            .map(
                aggregate ->
                    indent
                        + (expression.apply(aggregate).equals(aggregate.column())
                            ? aggregate.column()
                            : expression.apply(aggregate) + " AS " + aggregate.column()))
            .collect(Collectors.joining(",\n"))
        + "\n";
  }

  private static String sizeOf(Side side) {
    return "SUM(CASE WHEN side = " + side.ordinal() + " THEN `size` ELSE 0E0 END)";
  }

  private static String countOf(Side side) {
    return "COUNT(CASE WHEN side = " + side.ordinal() + " THEN 1 END)";
  }

  /** {@code INTERVAL '4' HOUR} and the like: the largest whole unit. */
  static String sqlInterval(BarInterval interval) {
    long seconds = interval.micros() / 1_000_000L;
    if (seconds % 86_400 == 0) {
      return "INTERVAL '" + seconds / 86_400 + "' DAY";
    }
    if (seconds % 3_600 == 0) {
      return "INTERVAL '" + seconds / 3_600 + "' HOUR";
    }
    if (seconds % 60 == 0) {
      return "INTERVAL '" + seconds / 60 + "' MINUTE";
    }
    return "INTERVAL '" + seconds + "' SECOND";
  }
}
