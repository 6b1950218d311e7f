package org.marketflow.api.marketdata.trades;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.marketflow.api.access.Permissions;
import org.marketflow.api.common.ApiPaths;

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
  public TradesResponse trades(@BeanParam TradesParameters parameters) {
    return service.find(parameters.toQuery());
  }
}
