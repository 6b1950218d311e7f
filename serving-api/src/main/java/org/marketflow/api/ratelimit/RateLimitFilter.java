package org.marketflow.api.ratelimit;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.marketflow.api.access.ApiKeyPrincipal;
import org.marketflow.api.error.ErrorCode;
import org.marketflow.api.error.ErrorResponse;

/**
 * The rate limit of every request authenticated by an API key, after authentication: over the limit
 * a 429 {@code RATE_LIMITED} with {@code Retry-After}; every answer to such a request carries
 * {@code X-RateLimit-Limit}, {@code X-RateLimit-Remaining} and {@code X-RateLimit-Reset}.
 */
public class RateLimitFilter {

  public static final String LIMIT = "X-RateLimit-Limit";
  public static final String REMAINING = "X-RateLimit-Remaining";
  public static final String RESET = "X-RateLimit-Reset";
  public static final String RETRY_AFTER = "Retry-After";

  private static final String DECISION = RateLimitFilter.class.getName() + ".decision";

  private final RateLimiter limiter;
  private final CurrentIdentityAssociation identities;

  public RateLimitFilter(RateLimiter limiter, CurrentIdentityAssociation identities) {
    this.limiter = limiter;
    this.identities = identities;
  }

  /**
   * Pre-matching, so that it runs before the resource's {@code @RolesAllowed} check and every
   * answer to a key (also a 403 or a 404) is counted and carries the headers; it authenticates the
   * request itself by asking for its identity.
   */
  @ServerRequestFilter(preMatching = true, priority = Priorities.AUTHORIZATION + 1)
  public Uni<Response> limit(ContainerRequestContext request) {
    if (!limiter.enabled()) {
      return Uni.createFrom().nullItem();
    }
    return identities
        .getDeferredIdentity()
        .onItem()
        .transformToUni(
            identity -> {
              if (!(identity.getPrincipal() instanceof ApiKeyPrincipal key)) {
                return Uni.createFrom().nullItem(); // anonymous: @RolesAllowed answers 401
              }
              Uni<Response> decided = Uni.createFrom().item(() -> decide(request, key));
              // Jedis blocks: never on an event-loop thread.
              return Context.isOnEventLoopThread()
                  ? decided.runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                  : decided;
            });
  }

  private Response decide(ContainerRequestContext request, ApiKeyPrincipal key) {
    RateLimitDecision decision = limiter.decide(key);
    request.setProperty(DECISION, decision);
    if (decision.allowed()) {
      return null;
    }
    return Response.status(ErrorCode.RATE_LIMITED.status())
        .type(MediaType.APPLICATION_JSON_TYPE)
        .header(RETRY_AFTER, decision.retryAfterSeconds())
        .entity(
            ErrorResponse.of(
                ErrorCode.RATE_LIMITED,
                "Rate limit exceeded; retry after " + decision.retryAfterSeconds() + " s",
                Map.of(
                    "limit", decision.limit(),
                    "retryAfterSeconds", decision.retryAfterSeconds())))
        .build();
  }

  @ServerResponseFilter
  public void headers(ContainerRequestContext request, ContainerResponseContext response) {
    if (request.getProperty(DECISION) instanceof RateLimitDecision decision) {
      MultivaluedMap<String, Object> headers = response.getHeaders();
      headers.putSingle(LIMIT, decision.limit());
      headers.putSingle(REMAINING, decision.remaining());
      headers.putSingle(RESET, decision.resetSeconds());
    }
  }
}
