package org.marketflow.api.live;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import org.marketflow.api.access.ApiKeyAuthenticationMechanism;
import org.marketflow.api.access.KeyVerifier;
import org.marketflow.api.access.Permissions;
import org.marketflow.api.error.CredentialsRejectedException;
import org.marketflow.api.error.ErrorCode;
import org.marketflow.api.error.RoutingErrors;
import org.marketflow.api.ratelimit.RateLimitDecision;
import org.marketflow.api.ratelimit.RateLimitFilter;
import org.marketflow.api.ratelimit.RateLimiter;

/**
 * Who may open the live feed: the caller of the upgrade request must hold a key with the {@code
 * read} permission, in {@code X-API-Key} as on every REST endpoint. The identity is the one Quarkus
 * builds for the request with the service's authentication mechanism (asked for here, as
 * authentication is not proactive), so a key is checked, cached and refused exactly as for REST; a
 * refusal is answered before the socket exists, with the same {@code ErrorResponse} codes (401
 * {@code API_KEY_MISSING}, {@code API_KEY_INVALID}, {@code API_KEY_REVOKED}, {@code
 * ACCOUNT_INACTIVE}; 403 {@code FORBIDDEN}; 429 {@code RATE_LIMITED} for a client address over its
 * limit of requests without a valid key).
 */
@ApplicationScoped
public class UpgradeAuthorization {

  private final RoutingErrors errors;
  private final RateLimiter limiter;
  private final KeyVerifier keys;

  public UpgradeAuthorization(RoutingErrors errors, RateLimiter limiter, KeyVerifier keys) {
    this.errors = errors;
    this.limiter = limiter;
    this.keys = keys;
  }

  /**
   * Runs {@code permitted} on the request's event loop when the caller may open the feed, and
   * answers the request otherwise. As on the REST endpoints, an upgrade without a valid key counts
   * against its client address's limit, and an address this instance has refused is answered 429
   * before its key is looked up (unless the key is verified from memory).
   */
  public void authorize(RoutingContext context, Runnable permitted) {
    String address = RateLimiter.clientAddress(context.request());
    if (limiter.enabled()) {
      RateLimitDecision refused = limiter.unkeyedRefusal(address);
      if (refused != null
          && !keys.verifiesInMemory(
              context.request().getHeader(ApiKeyAuthenticationMechanism.HEADER))) {
        context
            .response()
            .putHeader(RateLimitFilter.RETRY_AFTER, Long.toString(refused.retryAfterSeconds()));
        answer(context, 429, ErrorCode.RATE_LIMITED, refused.refusal(), refused.refusalDetails());
        return;
      }
    }
    Context eventLoop = Vertx.currentContext();
    QuarkusHttpUser.getSecurityIdentity(context, null)
        .subscribe()
        .with(
            identity -> eventLoop.runOnContext(v -> decide(context, identity, permitted, address)),
            failure -> eventLoop.runOnContext(v -> refuse(context, failure, address)));
  }

  private void decide(
      RoutingContext context, SecurityIdentity identity, Runnable permitted, String address) {
    if (identity == null || identity.isAnonymous()) {
      answer(context, 401, ErrorCode.API_KEY_MISSING, "An API key is required in X-API-Key");
      countUnkeyed(context, address);
    } else if (!identity.hasRole(Permissions.READ)) {
      answer(context, 403, ErrorCode.FORBIDDEN, "The API key lacks the read permission");
    } else {
      permitted.run();
    }
  }

  private void refuse(RoutingContext context, Throwable failure, String address) {
    if (failure instanceof AuthenticationFailedException
        && failure.getCause() instanceof CredentialsRejectedException rejected) {
      answer(context, 401, rejected.code(), rejected.getMessage());
    } else {
      answer(context, 401, ErrorCode.API_KEY_INVALID, "The API key is not valid");
    }
    countUnkeyed(context, address);
  }

  /**
   * Counts an upgrade refused for want of a valid key against its address, after answering it:
   * Redis blocks, so on a worker thread; a refusal applies to the address's next requests.
   */
  private void countUnkeyed(RoutingContext context, String address) {
    if (limiter.enabled()) {
      context.vertx().executeBlocking(() -> limiter.decideUnkeyed(address), false);
    }
  }

  private void answer(RoutingContext context, int status, ErrorCode code, String error) {
    answer(context, status, code, error, Map.of());
  }

  private void answer(
      RoutingContext context, int status, ErrorCode code, String error, Map<String, ?> more) {
    if (context.response().ended()) {
      return; // the route's failure handler answered a failed authentication already
    }
    Map<String, Object> details = new LinkedHashMap<>(more);
    details.put("path", context.request().path());
    errors.answer(context, status, code, error, details);
  }
}
