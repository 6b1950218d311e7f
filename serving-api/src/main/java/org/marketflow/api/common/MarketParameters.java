package org.marketflow.api.common;

import jakarta.ws.rs.QueryParam;
import org.marketflow.api.error.InvalidParameterException;

/**
 * The four query parameters that name a market on every market-data endpoint, as they arrive; an
 * endpoint's {@code @BeanParam} class extends this one with its own parameters.
 */
public class MarketParameters {

  @QueryParam("eventId")
  protected String eventId;

  @QueryParam("outcomeId")
  protected String outcomeId;

  @QueryParam("option")
  protected String option;

  @QueryParam("instrument")
  protected String instrument;

  /**
   * The validated market.
   *
   * @throws InvalidParameterException for the first missing, malformed or conflicting parameter
   */
  protected MarketSelection market() {
    return MarketSelection.parse(eventId, outcomeId, option, instrument);
  }
}
