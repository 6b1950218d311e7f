package org.marketflow.api.marketdata.trades;

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
 * {@code GET /api/institutional/market-data/trades}: archived trades of one instrument or of the
 * outcomes of a prediction-market event, paged by offset or by cursor.
 */
@Path(TradesResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Permissions.READ)
public class TradesResource {

  public static final String PATH = ApiPaths.MARKET_DATA + "/trades";

  private final TradesService service;

  public TradesResource(TradesService service) {
    this.service = service;
  }

  @GET
  @APIResponseSchema(TradesResponse.class)
  public Response trades(@BeanParam TradesParameters parameters) {
    return JsonBody.ok(service.find(parameters.toQuery()));
  }
}
