package org.marketflow.api.marketdata.trades;

import jakarta.ws.rs.QueryParam;
import org.marketflow.api.common.MarketParameters;
import org.marketflow.api.common.MarketSelection;
import org.marketflow.api.error.InvalidParameterException;

/**
 * The query parameters of {@code GET /api/institutional/market-data/trades} as they arrive, taken
 * with {@code @BeanParam}; strings, so that a bad value is {@link TradesQuery}'s 400 naming it.
 */
public class TradesParameters extends MarketParameters {

  @QueryParam("startTime")
  String startTime;

  @QueryParam("endTime")
  String endTime;

  @QueryParam("limit")
  String limit;

  @QueryParam("offset")
  String offset;

  @QueryParam("sort")
  String sort;

  @QueryParam("cursor")
  String cursor;

  /**
   * The validated query.
   *
   * @throws InvalidParameterException for the first missing, malformed or conflicting parameter
   */
  public TradesQuery toQuery() {
    return TradesQuery.parse(this);
  }

  /** Open to {@link TradesQuery}, which validates the parameters in order. */
  @Override
  protected MarketSelection market() {
    return super.market();
  }
}
