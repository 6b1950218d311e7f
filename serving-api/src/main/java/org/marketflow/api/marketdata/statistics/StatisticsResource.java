package org.marketflow.api.marketdata.statistics;

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

/** {@code GET /api/institutional/market-data/statistics}: the latest statistics of a period. */
@Path(StatisticsResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Permissions.READ)
public class StatisticsResource {

  public static final String PATH = ApiPaths.MARKET_DATA + "/statistics";

  private final StatisticsService service;

  public StatisticsResource(StatisticsService service) {
    this.service = service;
  }

  @GET
  @APIResponseSchema(StatisticsResponse.class)
  public Response statistics(@BeanParam StatisticsParameters parameters) {
    return JsonBody.ok(service.find(parameters.toQuery()));
  }
}
