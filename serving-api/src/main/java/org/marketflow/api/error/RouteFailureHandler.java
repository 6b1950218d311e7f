package org.marketflow.api.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Failures that never reach the REST layer's exception mappers (an exception thrown by a mapper
 * itself, a failure in a Vert.x handler) still get an {@link ErrorResponse} instead of Quarkus'
 * default text or HTML error page. Not covered: a URI that is not even valid percent-encoding
 * ({@code %zz}), which Quarkus answers with an empty 400 before any route runs.
 */
@ApplicationScoped
public class RouteFailureHandler {

  private static final Logger LOG = Logger.getLogger(RouteFailureHandler.class);

  private final ObjectMapper objectMapper;

  public RouteFailureHandler(ObjectMapper objectMapper) {
    this.objectMapper = objectMapper;
  }

  void register(@Observes Router router) {
    // Before Quarkus' own failure handler, which would otherwise answer first.
    router.route().order(Integer.MIN_VALUE).failureHandler(this::handle);
  }

  void handle(RoutingContext context) {
    if (context.response().headWritten()) {
      context.next();
      return;
    }
    int status = context.statusCode() >= 400 ? context.statusCode() : 500;
    ErrorCode code = ErrorCode.forStatus(status);
    Map<String, String> details;
    String error;
    if (code == ErrorCode.INTERNAL_ERROR) {
      String errorId = UUID.randomUUID().toString();
      LOG.errorf(context.failure(), "Request to %s failed, error id %s", path(context), errorId);
      error = "Internal server error";
      details = Map.of("errorId", errorId);
    } else {
      error = ErrorResponse.reasonPhrase(status);
      details = Map.of("path", path(context));
    }
    String json;
    try {
      json = objectMapper.writeValueAsString(ErrorResponse.of(code, error, details));
    } catch (JsonProcessingException e) {
      context.next();
      return;
    }
    context
        .response()
        .setStatusCode(status)
        .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
        .end(json);
  }

  private static String path(RoutingContext context) {
    String path = context.request().path();
    return path == null ? "" : path;
  }
}
