package org.marketflow.api.marketdata.ohlc;

import jakarta.ws.rs.QueryParam;
import org.marketflow.api.error.InvalidParameterException;

/**
 * The query parameters of {@code GET /api/institutional/market-data/ohlc} as they arrive, taken
 * with {@code @BeanParam}. They stay strings so that a bad value reaches {@link OhlcQuery}'s
 * validation, a 400 naming the parameter, rather than the framework's conversion error.
 */
public class OhlcParameters {

  @QueryParam("eventId")
  private String eventId;

  @QueryParam("outcomeId")
  private String outcomeId;

  @QueryParam("option")
  private String option;

  @QueryParam("instrument")
  private String instrument;

  @QueryParam("interval")
  private String interval;

  @QueryParam("startTime")
  private String startTime;

  @QueryParam("endTime")
  private String endTime;

  @QueryParam("limit")
  private String limit;

  @QueryParam("fill")
  private String fill;

  @QueryParam("cursor")
  private String cursor;

  /**
   * The validated query.
   *
   * @throws InvalidParameterException for the first missing, malformed or conflicting parameter
   */
  public OhlcQuery toQuery() {
    return OhlcQuery.builder()
        .eventId(eventId)
        .outcomeId(outcomeId)
        .option(option)
        .instrument(instrument)
        .interval(interval)
        .startTime(startTime)
        .endTime(endTime)
        .limit(limit)
        .fill(fill)
        .cursor(cursor)
        .build();
  }
}
