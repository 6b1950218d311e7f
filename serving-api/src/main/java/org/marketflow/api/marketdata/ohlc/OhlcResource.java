package org.marketflow.api.marketdata.ohlc;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.marketflow.api.common.ApiPaths;

/**
 * {@code GET /api/institutional/market-data/ohlc}: OHLC bars of one instrument or of the outcomes
 * of a prediction-market event. Parameters are taken as strings and validated by {@link OhlcQuery},
 * so a bad one is a 400 {@code INVALID_PARAMETER} naming it.
 */
@Path(OhlcResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
public class OhlcResource {

  public static final String PATH = ApiPaths.MARKET_DATA + "/ohlc";

  private final OhlcService service;

  public OhlcResource(OhlcService service) {
    this.service = service;
  }

  @GET
  public OhlcResponse ohlc(
      @QueryParam("eventId") String eventId,
      @QueryParam("outcomeId") String outcomeId,
      @QueryParam("option") String option,
      @QueryParam("instrument") String instrument,
      @QueryParam("interval") String interval,
      @QueryParam("startTime") String startTime,
      @QueryParam("endTime") String endTime,
      @QueryParam("limit") String limit) {
    OhlcQuery query =
        OhlcQuery.builder()
            .eventId(eventId)
            .outcomeId(outcomeId)
            .option(option)
            .instrument(instrument)
            .interval(interval)
            .startTime(startTime)
            .endTime(endTime)
            .limit(limit)
            .build();
    return service.find(query);
  }
}
