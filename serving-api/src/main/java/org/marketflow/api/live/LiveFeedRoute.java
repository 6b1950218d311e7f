package org.marketflow.api.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import org.jboss.logging.Logger;
import org.marketflow.api.common.ApiPaths;
import org.marketflow.api.error.ErrorCode;
import org.marketflow.api.error.ErrorResponse;

/**
 * {@code GET /api/institutional/market-data/ws}: upgrades the request to a WebSocket and hands it
 * to {@link LiveHub}. A route on quarkus-vertx-http's router rather than a {@code @WebSocket}
 * class: quarkus-websockets-next is not published for the platform release the service is built on
 * (see the package documentation). Being a route of the same router, it is behind the same HTTP
 * security (permission policies, authentication mechanisms) as the REST endpoints.
 */
@ApplicationScoped
public class LiveFeedRoute {

  /** The feed's path. */
  public static final String PATH = ApiPaths.MARKET_DATA + "/ws";

  private static final Logger LOG = Logger.getLogger(LiveFeedRoute.class);

  private final LiveHub hub;
  private final UpgradeAuthorization authorization;
  private final ObjectMapper json;

  public LiveFeedRoute(LiveHub hub, UpgradeAuthorization authorization, ObjectMapper json) {
    this.hub = hub;
    this.authorization = authorization;
    this.json = json;
  }

  void register(@Observes Router router) {
    router.route(HttpMethod.GET, PATH).handler(this::upgrade);
  }

  void upgrade(RoutingContext context) {
    String upgrade = context.request().getHeader(HttpHeaders.UPGRADE);
    if (upgrade == null || !"websocket".equalsIgnoreCase(upgrade)) {
      refuse(context, "a WebSocket upgrade is required (Upgrade: websocket)");
      return;
    }
    authorization.authorize(
        context,
        () ->
            context
                .request()
                .toWebSocket()
                .onSuccess(hub::open)
                .onFailure(
                    failure -> LOG.debugf("live-feed upgrade failed: %s", failure.getMessage())));
  }

  private void refuse(RoutingContext context, String reason) {
    ErrorResponse error =
        ErrorResponse.of(ErrorCode.BAD_REQUEST, reason, Map.of("path", context.request().path()));
    String body;
    try {
      body = json.writeValueAsString(error);
    } catch (JsonProcessingException e) {
      context.fail(e);
      return;
    }
    context
        .response()
        .setStatusCode(ErrorCode.BAD_REQUEST.status())
        .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
        .end(body);
  }
}
