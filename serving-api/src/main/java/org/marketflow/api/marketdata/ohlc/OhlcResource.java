package org.marketflow.api.marketdata.ohlc;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.marketflow.api.access.Permissions;
import org.marketflow.api.common.ApiPaths;
import org.marketflow.api.common.JsonBody;

/**
 * {@code GET /api/institutional/market-data/ohlc}: OHLC bars of one instrument or of the outcomes
 * of a prediction-market event. {@link OhlcParameters} takes the query parameters as strings and
 * {@link OhlcQuery} validates them, so a bad one is a 400 {@code INVALID_PARAMETER} naming it.
 */
@Path(OhlcResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Permissions.READ)
public class OhlcResource {

  public static final String PATH = ApiPaths.MARKET_DATA + "/ohlc";

  private final OhlcService service;

  public OhlcResource(OhlcService service) {
    this.service = service;
  }

  @GET
  @APIResponseSchema(OhlcResponse.class)
  public Response ohlc(@BeanParam OhlcParameters parameters) {
    return JsonBody.ok(service.find(parameters.toQuery()));
  }
}
