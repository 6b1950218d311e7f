package org.marketflow.api.persistence;

import org.marketflow.schemas.instrument.InstrumentId;

/**
 * The prediction-market ids inside a stored instrument id {@code PARIFLOW:<eventId>:<outcomeId>:
 * <option>}; all {@code null} for an exchange instrument. Shared by every answer that shows a row's
 * {@code eventId}, {@code outcomeId} and {@code option} beside its {@code instrument}.
 */
public record EngineIds(String eventId, String outcomeId, String option) {

  /** The ids of an exchange instrument: none. */
  public static final EngineIds NONE = new EngineIds(null, null, null);

  /**
   * The ids of a stored instrument id. Splits rather than {@link InstrumentId#parse}: a stored id
   * must never turn a read into an error, so anything but a well-formed PARIFLOW id is {@link
   * #NONE}.
   */
  public static EngineIds of(String instrument) {
    String[] parts = instrument.split(":", -1);
    if (parts.length == 4 && InstrumentId.PARIFLOW.equals(parts[0])) {
      return new EngineIds(parts[1], parts[2], parts[3]);
    }
    return NONE;
  }
}
