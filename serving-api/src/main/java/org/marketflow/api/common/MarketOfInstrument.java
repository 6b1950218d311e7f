package org.marketflow.api.common;

import org.marketflow.schemas.instrument.InstrumentId;

/**
 * The prediction-market coordinates of a stored instrument id: for {@code
 * PARIFLOW:<eventId>:<outcomeId>:<option>} its three parts, for any other id three {@code null}s.
 * Read by splitting rather than {@link InstrumentId#parse}: a stored id must never turn a read into
 * an error.
 */
public record MarketOfInstrument(String eventId, String outcomeId, String option) {

  private static final MarketOfInstrument NONE = new MarketOfInstrument(null, null, null);

  public static MarketOfInstrument of(String instrument) {
    String[] parts = instrument.split(":", -1);
    if (parts.length == 4 && InstrumentId.PARIFLOW.equals(parts[0])) {
      return new MarketOfInstrument(parts[1], parts[2], parts[3]);
    }
    return NONE;
  }
}
