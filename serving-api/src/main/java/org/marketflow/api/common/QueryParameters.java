package org.marketflow.api.common;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;
import org.marketflow.api.error.InvalidParameterException;

/**
 * Parsing of the query parameters that endpoints share. Parameters arrive as strings and are
 * converted here, so that bad input is always a 400 naming the parameter, never the framework's
 * conversion error.
 */
public final class QueryParameters {

  /** Earliest and (exclusive) latest instant accepted: the years 0001 to 9999. */
  static final Instant MIN_TIME = Instant.parse("0001-01-01T00:00:00Z");

  static final Instant MAX_TIME = Instant.parse("+10000-01-01T00:00:00Z");

  static final String TIME_FORMAT_REASON =
      "expected an ISO 8601 instant such as 2024-08-08T23:55:00Z (an offset such as +02:00 is"
          + " accepted) or epoch milliseconds";

  static final String TIME_RANGE_REASON =
      "out of range; expected a time between 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z";

  static final String ENGINE_ID_REASON =
      "must be 1-64 letters, digits, '-' or '_', starting with a letter or digit";

  // The engine-id syntax of InstrumentId's PARIFLOW ids.
  private static final Pattern ENGINE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");
  private static final Pattern DIGITS = Pattern.compile("[0-9]{1,18}");

  private QueryParameters() {}

  /** An absent or empty parameter is {@code null}: {@code ?limit=} means "use the default". */
  public static String given(String raw) {
    return raw == null || raw.isEmpty() ? null : raw;
  }

  /** An integer in {@code [min, max]}, or {@code defaultValue} when absent. */
  public static int intInRange(String parameter, String raw, int min, int max, int defaultValue) {
    if (given(raw) == null) {
      return defaultValue;
    }
    String reason = "must be an integer between " + min + " and " + max;
    if (!DIGITS.matcher(raw).matches()) {
      throw new InvalidParameterException(parameter, raw, reason);
    }
    long value = Long.parseLong(raw);
    if (value < min || value > max) {
      throw new InvalidParameterException(parameter, raw, reason);
    }
    return (int) value;
  }

  /**
   * An instant: ISO 8601 with {@code Z} or an offset, or epoch milliseconds; {@code null} when
   * absent.
   */
  public static Instant instant(String parameter, String raw) {
    if (given(raw) == null) {
      return null;
    }
    Instant value;
    if (DIGITS.matcher(raw).matches()) {
      value = Instant.ofEpochMilli(Long.parseLong(raw));
    } else {
      // An unencoded '+' of an offset arrives as a space; no valid instant contains one.
      String text = raw.replace(' ', '+');
      try {
        value = OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
      } catch (DateTimeException e) {
        throw new InvalidParameterException(parameter, raw, TIME_FORMAT_REASON);
      }
    }
    if (value.isBefore(MIN_TIME) || !value.isBefore(MAX_TIME)) {
      throw new InvalidParameterException(parameter, raw, TIME_RANGE_REASON);
    }
    return value;
  }

  /** An event or outcome id of the prediction-market engine; {@code null} when absent. */
  public static String engineId(String parameter, String raw) {
    if (given(raw) == null) {
      return null;
    }
    if (!ENGINE_ID.matcher(raw).matches()) {
      throw new InvalidParameterException(parameter, raw, ENGINE_ID_REASON);
    }
    return raw;
  }

  /** {@code YES} or {@code NO}; {@code null} when absent. */
  public static String option(String parameter, String raw) {
    if (given(raw) == null) {
      return null;
    }
    if (!"YES".equals(raw) && !"NO".equals(raw)) {
      throw new InvalidParameterException(parameter, raw, "must be YES or NO");
    }
    return raw;
  }
}
