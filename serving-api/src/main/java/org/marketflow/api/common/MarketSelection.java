package org.marketflow.api.common;

import static org.marketflow.api.common.QueryParameters.given;

import org.marketflow.api.error.InvalidParameterException;
import org.marketflow.api.persistence.InstrumentSelector;
import org.marketflow.schemas.instrument.InstrumentId;

/**
 * The market a request names, as every market-data endpoint and the WebSocket feed take it: one
 * {@code instrument}, or a prediction-market {@code eventId} optionally narrowed by {@code
 * outcomeId} and/or {@code option}. Exactly one of {@link #instrument()} and {@link #eventId()} is
 * set.
 */
public record MarketSelection(String instrument, String eventId, String outcomeId, String option) {

  /**
   * Validates the raw parameters ({@code null} or empty: absent).
   *
   * @throws InvalidParameterException for the first missing, malformed or conflicting parameter
   */
  public static MarketSelection of(
      String eventId, String outcomeId, String option, String instrument) {
    boolean byEvent = given(eventId) != null;
    boolean byInstrument = given(instrument) != null;
    if (byEvent && byInstrument) {
      throw new InvalidParameterException(
          "instrument",
          instrument,
          "exactly one of eventId and instrument is allowed; eventId was given too");
    }
    if (!byEvent && !byInstrument) {
      throw new InvalidParameterException(
          "eventId", null, "exactly one of eventId and instrument is required");
    }
    if (byInstrument) {
      InstrumentId id;
      try {
        id = InstrumentId.parse(instrument);
      } catch (IllegalArgumentException e) {
        throw new InvalidParameterException("instrument", instrument, e.getMessage());
      }
      rejectWithInstrument("outcomeId", outcomeId);
      rejectWithInstrument("option", option);
      return new MarketSelection(id.toString(), null, null, null);
    }
    return new MarketSelection(
        null,
        QueryParameters.engineId("eventId", eventId),
        QueryParameters.engineId("outcomeId", outcomeId),
        QueryParameters.option("option", option));
  }

  /** The instruments to read from a table keyed by instrument. */
  public InstrumentSelector selector() {
    return instrument != null
        ? InstrumentSelector.exactly(InstrumentId.parse(instrument))
        : InstrumentSelector.ofEvent(eventId, outcomeId, option);
  }

  private static void rejectWithInstrument(String parameter, String raw) {
    if (given(raw) != null) {
      throw new InvalidParameterException(
          parameter, raw, "only allowed with eventId, not with instrument");
    }
  }
}
