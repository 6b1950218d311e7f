package org.marketflow.api.live;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.marketflow.api.access.Permissions;
import org.marketflow.api.error.CredentialsRejectedException;
import org.marketflow.api.error.ErrorCode;
import org.marketflow.api.error.RoutingErrors;

/**
 * Who may open the live feed: the caller of the upgrade request must hold a key with the {@code
 * read} permission, in {@code X-API-Key} as on every REST endpoint. The identity is the one Quarkus
 * builds for the request with the service's authentication mechanism (asked for here, as
 * authentication is not proactive), so a key is checked, cached and refused exactly as for REST; a
 * refusal is answered before the socket exists, with the same {@code ErrorResponse} codes (401
 * {@code API_KEY_MISSING}, {@code API_KEY_INVALID}, {@code API_KEY_REVOKED}, {@code
 * ACCOUNT_INACTIVE}; 403 {@code FORBIDDEN}).
 */
@ApplicationScoped
public class UpgradeAuthorization {

  private final RoutingErrors errors;

  public UpgradeAuthorization(RoutingErrors errors) {
    this.errors = errors;
  }

  /**
   * Runs {@code permitted} on the request's event loop when the caller may open the feed, and
   * answers the request otherwise.
   */
  public void authorize(RoutingContext context, Runnable permitted) {
    Context eventLoop = Vertx.currentContext();
    QuarkusHttpUser.getSecurityIdentity(context, null)
        .subscribe()
        .with(
            identity -> eventLoop.runOnContext(v -> decide(context, identity, permitted)),
            failure -> eventLoop.runOnContext(v -> refuse(context, failure)));
  }

  private void decide(RoutingContext context, SecurityIdentity identity, Runnable permitted) {
    if (identity == null || identity.isAnonymous()) {
      answer(context, 401, ErrorCode.API_KEY_MISSING, "An API key is required in X-API-Key");
    } else if (!identity.hasRole(Permissions.READ)) {
      answer(context, 403, ErrorCode.FORBIDDEN, "The API key lacks the read permission");
    } else {
      permitted.run();
    }
  }

  private void refuse(RoutingContext context, Throwable failure) {
    if (failure instanceof AuthenticationFailedException
        && failure.getCause() instanceof CredentialsRejectedException rejected) {
      answer(context, 401, rejected.code(), rejected.getMessage());
    } else {
      answer(context, 401, ErrorCode.API_KEY_INVALID, "The API key is not valid");
    }
  }

  private void answer(RoutingContext context, int status, ErrorCode code, String error) {
    if (context.response().ended()) {
      return; // the route's failure handler answered a failed authentication already
    }
    errors.answer(context, status, code, error, Map.of("path", context.request().path()));
  }
}
