package org.marketflow.api.marketdata.statistics;

import static org.marketflow.api.common.QueryParameters.given;

import jakarta.ws.rs.QueryParam;
import java.util.List;
import org.marketflow.api.common.MarketParameters;
import org.marketflow.api.common.MarketSelection;
import org.marketflow.api.error.InvalidParameterException;

/** The query parameters of {@code GET /api/institutional/market-data/statistics}, as strings. */
public class StatisticsParameters extends MarketParameters {

  /** The periods jobs-ohlc computes, in the order of the schema's check. */
  public static final List<String> PERIODS = List.of("1h", "24h", "7d", "30d");

  public static final String DEFAULT_PERIOD = "24h";

  @QueryParam("period")
  String period;

  /**
   * The validated query.
   *
   * @throws InvalidParameterException for the first missing, malformed or conflicting parameter
   */
  public StatisticsQuery toQuery() {
    MarketSelection market = market();
    String p = given(period) == null ? DEFAULT_PERIOD : period;
    if (!PERIODS.contains(p)) {
      throw new InvalidParameterException(
          "period", period, "unknown period; expected one of " + String.join(", ", PERIODS));
    }
    return new StatisticsQuery(market, p);
  }
}
