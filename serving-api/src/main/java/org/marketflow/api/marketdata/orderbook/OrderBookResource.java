package org.marketflow.api.marketdata.orderbook;

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

/** {@code GET /api/institutional/market-data/orderbook}: the live book of one instrument. */
@Path(OrderBookResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Permissions.READ)
public class OrderBookResource {

  public static final String PATH = ApiPaths.MARKET_DATA + "/orderbook";

  private final OrderBookService service;

  public OrderBookResource(OrderBookService service) {
    this.service = service;
  }

  @GET
  @APIResponseSchema(OrderBookResponse.class)
  public Response orderBook(@BeanParam OrderBookParameters parameters) {
    return JsonBody.ok(service.find(parameters.toQuery()));
  }
}
