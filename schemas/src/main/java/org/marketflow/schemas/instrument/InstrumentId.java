package org.marketflow.schemas.instrument;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An instrument id: {@code VENUE:SYMBOL} for exchange instruments (e.g. {@code BINANCE:BTCUSDT}),
 * or {@code PARIFLOW:<eventId>:<outcomeId>:<YES|NO>} for prediction-market outcomes. Venue and
 * symbol are upper case; prediction-market ids keep the engine's case.
 */
public record InstrumentId(String venue, String symbol) {

  public static final String PARIFLOW = "PARIFLOW";

  private static final Pattern VENUE = Pattern.compile("[A-Z][A-Z0-9_]{0,31}");
  private static final Pattern SYMBOL = Pattern.compile("[A-Z0-9][A-Z0-9._/-]{0,63}");
  private static final Pattern ENGINE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

  public InstrumentId {
    Objects.requireNonNull(venue, "venue");
    Objects.requireNonNull(symbol, "symbol");
  }

  /** An exchange instrument; venue and symbol are upper-cased. */
  public static InstrumentId of(String venue, String symbol) {
    String v = venue.toUpperCase(Locale.ROOT);
    String s = symbol.toUpperCase(Locale.ROOT);
    if (!VENUE.matcher(v).matches()) {
      throw new IllegalArgumentException("invalid venue '" + venue + "'");
    }
    if (PARIFLOW.equals(v)) {
      throw new IllegalArgumentException("use InstrumentId.pariflow(...) for PARIFLOW outcomes");
    }
    if (!SYMBOL.matcher(s).matches()) {
      throw new IllegalArgumentException("invalid symbol '" + symbol + "'");
    }
    return new InstrumentId(v, s);
  }

  /** A prediction-market outcome side. */
  public static InstrumentId pariflow(String eventId, String outcomeId, String option) {
    requireEngineId("eventId", eventId);
    requireEngineId("outcomeId", outcomeId);
    if (!"YES".equals(option) && !"NO".equals(option)) {
      throw new IllegalArgumentException("option must be YES or NO, not '" + option + "'");
    }
    return new InstrumentId(PARIFLOW, eventId + ":" + outcomeId + ":" + option);
  }

  /**
   * {@code PARIFLOW:<eventId>:<outcomeId>}: the key of a prediction-market outcome, shared by its
   * YES and NO books (their instrument ids without the option). The ids are not checked here; they
   * were when the books' instrument ids were made.
   */
  public static String outcomeKey(String eventId, String outcomeId) {
    return PARIFLOW + ":" + eventId + ":" + outcomeId;
  }

  /** Parses {@code VENUE:SYMBOL} or {@code PARIFLOW:<eventId>:<outcomeId>:<YES|NO>}. */
  public static InstrumentId parse(String id) {
    int colon = id == null ? -1 : id.indexOf(':');
    if (colon <= 0) {
      throw new IllegalArgumentException("instrument id must be VENUE:SYMBOL, not '" + id + "'");
    }
    String venue = id.substring(0, colon);
    String rest = id.substring(colon + 1);
    if (PARIFLOW.equals(venue)) {
      String[] parts = rest.split(":", -1);
      if (parts.length != 3) {
        throw new IllegalArgumentException(
            "PARIFLOW instrument must be PARIFLOW:<eventId>:<outcomeId>:<YES|NO>, not '"
                + id
                + "'");
      }
      return pariflow(parts[0], parts[1], parts[2]);
    }
    InstrumentId parsed = of(venue, rest);
    if (!parsed.toString().equals(id)) {
      throw new IllegalArgumentException("instrument id must be upper case: '" + id + "'");
    }
    return parsed;
  }

  public boolean isPariflow() {
    return PARIFLOW.equals(venue);
  }

  @Override
  public String toString() {
    return venue + ":" + symbol;
  }

  private static void requireEngineId(String name, String value) {
    if (value == null || !ENGINE_ID.matcher(value).matches()) {
      throw new IllegalArgumentException(
          name + " must be 1-64 letters, digits, '-' or '_', not '" + value + "'");
    }
  }
}
