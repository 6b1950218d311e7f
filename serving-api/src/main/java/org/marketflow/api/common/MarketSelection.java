package org.marketflow.api.common;

import static org.marketflow.api.common.QueryParameters.given;

import org.marketflow.api.error.InvalidParameterException;
import org.marketflow.api.persistence.InstrumentSelector;
import org.marketflow.schemas.instrument.InstrumentId;

/**
 * The market a market-data request names, validated: exactly one of {@code instrument} (an
 * instrument id) or {@code eventId} (a prediction-market event, optionally narrowed by {@code
 * outcomeId} and {@code option}). Every market-data endpoint takes these four parameters.
 *
 * @param instrument the instrument asked for, or {@code null} for an event
 * @param eventId the event asked for, or {@code null} when an instrument was
 * @param selector the instruments to read
 */
public record MarketSelection(
    String instrument,
    String eventId,
    String outcomeId,
    String option,
    InstrumentSelector selector) {

  /**
   * Validates the four parameters, in this order: the choice of instrument or event, the instrument
   * id, then the event's ids and option.
   *
   * @throws InvalidParameterException for the first missing, malformed or conflicting parameter
   */
  public static MarketSelection parse(
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
      return new MarketSelection(instrument, null, null, null, InstrumentSelector.exactly(id));
    }
    String event = QueryParameters.engineId("eventId", eventId);
    String outcome = QueryParameters.engineId("outcomeId", outcomeId);
    String side = QueryParameters.option("option", option);
    return new MarketSelection(
        null, event, outcome, side, InstrumentSelector.ofEvent(event, outcome, side));
  }

  /**
   * The one instrument selected, for endpoints and options that serve a single instrument (an order
   * book, gap filling).
   *
   * @param what what needs one instrument, for the message: "the order book", "fill"
   * @param parameter the parameter the error names when an event has several instruments
   * @param value that parameter's value
   * @throws InvalidParameterException when an event selection lacks its outcomeId or option
   */
  public String singleInstrument(String what, String parameter, String value) {
    if (selector.exact() == null) {
      throw new InvalidParameterException(
          parameter,
          value,
          what
              + " needs one instrument: give instrument, or eventId with both outcomeId and"
              + " option");
    }
    return selector.exact();
  }

  /** A stable text of the selection, for cache keys. */
  public String cacheKey() {
    return selector.toString();
  }

  private static void rejectWithInstrument(String parameter, String raw) {
    if (given(raw) != null) {
      throw new InvalidParameterException(
          parameter, raw, "only allowed with eventId, not with instrument");
    }
  }
}
