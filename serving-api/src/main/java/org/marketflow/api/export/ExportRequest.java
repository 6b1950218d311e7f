package org.marketflow.api.export;

import static org.marketflow.api.common.QueryParameters.given;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.marketflow.api.common.MarketSelection;
import org.marketflow.api.common.QueryParameters;
import org.marketflow.api.error.InvalidParameterException;
import org.marketflow.api.persistence.InstrumentSelector;
import org.marketflow.schemas.bars.BarInterval;

/**
 * A validated export request. The time range {@code [startTime, endTime)} is required and applies
 * to each type's time column: a trade's exchange time, a bar's start, a statistic's period end.
 *
 * @param selection the selection as asked, {@code instrument} or {@code
 *     eventId[/outcomeId][/option]}
 * @param interval the bar interval, for {@code ohlc} only (else {@code null})
 * @param period the statistics period, for {@code statistics} only (else {@code null})
 * @param async whether the client asked for a job whatever the size
 */
public record ExportRequest(
    ExportType type,
    ExportFormat format,
    InstrumentSelector instruments,
    String selection,
    Instant startTime,
    Instant endTime,
    BarInterval interval,
    String period,
    boolean async) {

  /** The periods of {@code market_statistics}. */
  public static final List<String> PERIODS = List.of("1h", "24h", "7d", "30d");

  private static final DateTimeFormatter FILE_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  /**
   * Checks the parameters in order: type, format, selection, times, interval, period, async.
   *
   * @throws InvalidParameterException for the first missing, malformed or conflicting parameter
   */
  static ExportRequest parse(ExportParameters p, Duration maxRange) {
    ExportType type =
        ExportType.fromCode(required("type", p.type, ExportType.codes()))
            .orElseThrow(() -> unknown("type", p.type, ExportType.codes()));
    ExportFormat format =
        ExportFormat.fromCode(required("format", p.format, ExportFormat.codes()))
            .orElseThrow(() -> unknown("format", p.format, ExportFormat.codes()));
    MarketSelection market = p.selection();
    InstrumentSelector instruments = market.selector();
    Instant start = requiredInstant("startTime", p.startTime);
    Instant end = requiredInstant("endTime", p.endTime);
    if (!start.isBefore(end)) {
      throw new InvalidParameterException(
          "endTime", p.endTime, "must be after startTime (" + p.startTime + ")");
    }
    if (Duration.between(start, end).compareTo(maxRange) > 0) {
      throw new InvalidParameterException(
          "endTime",
          p.endTime,
          "the range endTime - startTime exceeds the maximum of "
              + humanDuration(maxRange)
              + "; split the export");
    }
    BarInterval interval = null;
    if (type == ExportType.OHLC) {
      String codes = BarInterval.codes();
      interval =
          BarInterval.fromCode(required("interval", p.interval, codes))
              .orElseThrow(() -> unknown("interval", p.interval, codes));
    } else {
      onlyFor("interval", p.interval, "ohlc");
    }
    String period = null;
    if (type == ExportType.STATISTICS) {
      String codes = String.join(", ", PERIODS);
      period = required("period", p.period, codes);
      if (!PERIODS.contains(period)) {
        throw unknown("period", p.period, codes);
      }
    } else {
      onlyFor("period", p.period, "statistics");
    }
    boolean async = bool("async", p.async);
    return new ExportRequest(
        type, format, instruments, label(market), start, end, interval, period, async);
  }

  /**
   * The download's file name: type, selection, interval or period, range, extension; only letters,
   * digits, {@code -}, {@code _} and {@code .}, e.g. {@code
   * ohlc_BINANCE-BTCUSDT_1m_20240808T000000Z_20240809T000000Z.csv.gz}.
   */
  public String fileName() {
    StringBuilder name = new StringBuilder(type.code()).append('_').append(selection);
    if (interval != null) {
      name.append('_').append(interval.code());
    }
    if (period != null) {
      name.append('_').append(period);
    }
    name.append('_').append(FILE_TIME.format(startTime));
    name.append('_').append(FILE_TIME.format(endTime));
    return name.toString().replaceAll("[^A-Za-z0-9_.-]", "-") + "." + format.fileExtension();
  }

  /** The request as a canonical query string, stored with a job. */
  public String canonicalQuery() {
    Map<String, String> q = new LinkedHashMap<>();
    q.put("type", type.code());
    q.put("format", format.code());
    q.put("selection", selection);
    q.put("startTime", startTime.toString());
    q.put("endTime", endTime.toString());
    if (interval != null) {
      q.put("interval", interval.code());
    }
    if (period != null) {
      q.put("period", period);
    }
    return q.entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining("&"));
  }

  /** The selection as asked, for the job record: the instrument, or event[/outcome][/option]. */
  private static String label(MarketSelection market) {
    if (market.instrument() != null) {
      return market.instrument();
    }
    StringBuilder s = new StringBuilder(market.eventId());
    if (market.outcomeId() != null) {
      s.append('/').append(market.outcomeId());
    }
    if (market.option() != null) {
      s.append('/').append(market.option());
    }
    return s.toString();
  }

  private static String required(String parameter, String raw, String expected) {
    if (given(raw) == null) {
      throw new InvalidParameterException(parameter, raw, "required; expected one of " + expected);
    }
    return raw;
  }

  private static InvalidParameterException unknown(String parameter, String raw, String expected) {
    return new InvalidParameterException(
        parameter, raw, "unknown " + parameter + "; expected one of " + expected);
  }

  private static Instant requiredInstant(String parameter, String raw) {
    Instant value = QueryParameters.instant(parameter, raw);
    if (value == null) {
      throw new InvalidParameterException(
          parameter, raw, "required; an export always has a time range");
    }
    return value;
  }

  /** {@code 366 days}, or {@code PT12H} when not whole days. */
  private static String humanDuration(Duration duration) {
    return duration.toSeconds() % 86_400 == 0 ? duration.toDays() + " days" : duration.toString();
  }

  private static void onlyFor(String parameter, String raw, String type) {
    if (given(raw) != null) {
      throw new InvalidParameterException(parameter, raw, "only allowed with type=" + type);
    }
  }

  private static boolean bool(String parameter, String raw) {
    if (given(raw) == null || "false".equals(raw)) {
      return false;
    }
    if ("true".equals(raw)) {
      return true;
    }
    throw new InvalidParameterException(parameter, raw, "must be true or false");
  }
}
