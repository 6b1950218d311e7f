package org.marketflow.benchmarks.flink;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.types.Row;
import org.marketflow.schemas.avro.OhlcBar;

/**
 * The fields of one bar that the job and the SQL query both compute, whichever computed it: the key
 * (instrument, interval, bucket start), the values that must be equal, and the sums, whose order of
 * summation differs between the two.
 */
public record BarFields(
    String instrument,
    String interval,
    long bucketStartUs,
    double open,
    double high,
    double low,
    double close,
    long tradeCount,
    long buyTradeCount,
    long sellTradeCount,
    long firstTradeTimeUs,
    long lastTradeTimeUs,
    double volume,
    double quoteVolume,
    double vwap,
    double buyVolume,
    double sellVolume) {

  /** How far apart two sums may be, relative to the larger: the summation order differs. */
  public static final double RELATIVE_TOLERANCE = 1e-9;

  /** What identifies a bar. */
  public record Key(String instrument, String interval, long bucketStartUs) {
    @Override
    public String toString() {
      return instrument + " " + interval + " " + Instant.EPOCH.plusNanos(bucketStartUs * 1_000L);
    }
  }

  public Key key() {
    return new Key(instrument, interval, bucketStartUs);
  }

  public static BarFields of(OhlcBar bar) {
    return new BarFields(
        bar.getInstrument(),
        bar.getInterval(),
        bar.getBucketStartUs(),
        bar.getOpen(),
        bar.getHigh(),
        bar.getLow(),
        bar.getClose(),
        bar.getTradeCount(),
        bar.getBuyTradeCount(),
        bar.getSellTradeCount(),
        bar.getFirstTradeTimeUs(),
        bar.getLastTradeTimeUs(),
        bar.getVolume(),
        bar.getQuoteVolume(),
        bar.getVwap(),
        bar.getBuyVolume(),
        bar.getSellVolume());
  }

  /** A row of {@link BarQueries}, whose columns it names. */
  public static BarFields of(Row row) {
    return new BarFields(
        row.getFieldAs("instrument"),
        row.getFieldAs("bar_interval"),
        epochMicros(row.getField("bar_start")),
        row.getFieldAs("open_price"),
        row.getFieldAs("high_price"),
        row.getFieldAs("low_price"),
        row.getFieldAs("close_price"),
        row.<Long>getFieldAs("trade_count"),
        row.<Long>getFieldAs("buy_trade_count"),
        row.<Long>getFieldAs("sell_trade_count"),
        row.<Long>getFieldAs("first_trade_time_us"),
        row.<Long>getFieldAs("last_trade_time_us"),
        row.getFieldAs("volume"),
        row.getFieldAs("quote_volume"),
        row.getFieldAs("vwap"),
        row.getFieldAs("buy_volume"),
        row.getFieldAs("sell_volume"));
  }

  /**
   * Where {@code sql}, the same bar from the SQL query, differs from this one, the job's: "close
   * job 101.5, SQL 101.25" for each field, empty when they agree.
   */
  public List<String> differences(BarFields sql) {
    List<String> differences = new ArrayList<>();
    exact(differences, "open", open, sql.open);
    exact(differences, "high", high, sql.high);
    exact(differences, "low", low, sql.low);
    exact(differences, "close", close, sql.close);
    exact(differences, "tradeCount", tradeCount, sql.tradeCount);
    exact(differences, "buyTradeCount", buyTradeCount, sql.buyTradeCount);
    exact(differences, "sellTradeCount", sellTradeCount, sql.sellTradeCount);
    exact(differences, "firstTradeTimeUs", firstTradeTimeUs, sql.firstTradeTimeUs);
    exact(differences, "lastTradeTimeUs", lastTradeTimeUs, sql.lastTradeTimeUs);
    sum(differences, "volume", volume, sql.volume);
    sum(differences, "quoteVolume", quoteVolume, sql.quoteVolume);
    sum(differences, "vwap", vwap, sql.vwap);
    sum(differences, "buyVolume", buyVolume, sql.buyVolume);
    sum(differences, "sellVolume", sellVolume, sql.sellVolume);
    return differences;
  }

  /** Whether two sums agree within {@link #RELATIVE_TOLERANCE}. */
  static boolean close(double a, double b) {
    return a == b || Math.abs(a - b) <= RELATIVE_TOLERANCE * Math.max(Math.abs(a), Math.abs(b));
  }

  private static void exact(List<String> differences, String field, double a, double b) {
    if (Double.compare(a, b) != 0) {
      differences.add(field + " job " + a + ", SQL " + b);
    }
  }

  private static void exact(List<String> differences, String field, long a, long b) {
    if (a != b) {
      differences.add(field + " job " + a + ", SQL " + b);
    }
  }

  private static void sum(List<String> differences, String field, double a, double b) {
    if (!close(a, b)) {
      differences.add(field + " job " + a + ", SQL " + b);
    }
  }

  private static long epochMicros(Object timestamp) {
    Instant instant =
        timestamp instanceof LocalDateTime local
            ? local.toInstant(ZoneOffset.UTC)
            : (Instant) timestamp;
    return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000L;
  }
}
