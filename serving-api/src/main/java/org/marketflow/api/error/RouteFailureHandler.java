package org.marketflow.api.error;

import io.quarkus.security.AuthenticationFailedException;
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
 * default text or HTML error page. A malformed request target is answered before routing, by {@link
 * org.marketflow.api.http.RequestTargetGuard}.
 */
@ApplicationScoped
public class RouteFailureHandler {

  private static final Logger LOG = Logger.getLogger(RouteFailureHandler.class);

  private final RoutingErrors errors;

  public RouteFailureHandler(RoutingErrors errors) {
    this.errors = errors;
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
    if (context.failure() instanceof AuthenticationFailedException failed) {
      // Authentication asked for by a route (the live feed's upgrade), not by a REST resource.
      ErrorCode rejected =
          failed.getCause() instanceof CredentialsRejectedException credentials
              ? credentials.code()
              : ErrorCode.API_KEY_INVALID;
      String message =
          failed.getCause() != null ? failed.getCause().getMessage() : "The API key is not valid";
      errors.answer(context, 401, rejected, message, Map.of("path", path(context)));
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
    if (!errors.answer(context, status, code, error, details)) {
      context.next();
    }
  }

  private static String path(RoutingContext context) {
    String path = context.request().path();
    return path == null ? "" : path;
  }
}
