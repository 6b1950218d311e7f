package org.marketflow.api.ratelimit;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.function.Supplier;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.marketflow.api.access.ApiKeyAuthenticationMechanism;
import org.marketflow.api.access.ApiKeyPrincipal;
import org.marketflow.api.access.KeyVerifier;
import org.marketflow.api.error.ErrorCode;
import org.marketflow.api.error.ErrorResponse;

/**
 * The rate limit of every request to the institutional API, after authentication: per key for a
 * request with a valid key, per client address for one without (no key, or one refused with a 401).
 * Over the limit a 429 {@code RATE_LIMITED} with {@code Retry-After}; every answer to such a
 * request carries {@code X-RateLimit-Limit}, {@code X-RateLimit-Remaining} and {@code
 * X-RateLimit-Reset}.
 *
 * <p>An address that this instance has refused is refused again, until its {@code Retry-After} has
 * passed, before its key is looked up, unless that key is verified from memory: so a flood of bad
 * keys from one address costs at most its limit's worth of database reads.
 */
public class RateLimitFilter {

  public static final String LIMIT = "X-RateLimit-Limit";
  public static final String REMAINING = "X-RateLimit-Remaining";
  public static final String RESET = "X-RateLimit-Reset";
  public static final String RETRY_AFTER = "Retry-After";

  private static final String DECISION = RateLimitFilter.class.getName() + ".decision";

  private final RateLimiter limiter;
  private final CurrentIdentityAssociation identities;
  private final KeyVerifier keys;

  public RateLimitFilter(
      RateLimiter limiter, CurrentIdentityAssociation identities, KeyVerifier keys) {
    this.limiter = limiter;
    this.identities = identities;
    this.keys = keys;
  }

  /**
   * Pre-matching, so that it runs before the resource's {@code @RolesAllowed} check and every
   * answer (also a 401, a 403 or a 404) is counted and carries the headers; it authenticates the
   * request itself by asking for its identity.
   */
  @ServerRequestFilter(preMatching = true, priority = Priorities.AUTHORIZATION + 1)
  public Uni<Response> limit(ContainerRequestContext request, RoutingContext routing) {
    if (!limiter.enabled()) {
      return Uni.createFrom().nullItem();
    }
    String address =
        ApiKeyAuthenticationMechanism.inScope(routing.normalizedPath())
            ? RateLimiter.clientAddress(routing.request())
            : null;
    if (address != null) {
      RateLimitDecision refused = limiter.unkeyedRefusal(address);
      if (refused != null
          && !keys.verifiesInMemory(
              request.getHeaderString(ApiKeyAuthenticationMechanism.HEADER))) {
        return Uni.createFrom().item(decide(request, refused));
      }
    }
    return identities
        .getDeferredIdentity()
        .onItemOrFailure()
        .transformToUni(
            (identity, failure) -> {
              if (failure == null && identity.getPrincipal() instanceof ApiKeyPrincipal key) {
                return blocking(() -> decide(request, limiter.decide(key)));
              }
              if (address == null) {
                return passOn(failure);
              }
              // No valid key: limited by address; within the limit, the 401 is answered as usual.
              return blocking(() -> decide(request, limiter.decideUnkeyed(address)))
                  .onItem()
                  .transformToUni(
                      refusal ->
                          refusal != null ? Uni.createFrom().item(refusal) : passOn(failure));
            });
  }

  /** Nothing to answer here: anonymous goes on (to a 401), a failed authentication fails. */
  private static Uni<Response> passOn(Throwable failure) {
    return failure != null ? Uni.createFrom().failure(failure) : Uni.createFrom().nullItem();
  }

  /** Runs a decision that may call Redis, which blocks: never on an event-loop thread. */
  private static Uni<Response> blocking(Supplier<Response> decision) {
    Uni<Response> decided = Uni.createFrom().item(decision);
    return Context.isOnEventLoopThread()
        ? decided.runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
        : decided;
  }

  private Response decide(ContainerRequestContext request, RateLimitDecision decision) {
    request.setProperty(DECISION, decision);
    if (decision.allowed()) {
      return null;
    }
    return Response.status(ErrorCode.RATE_LIMITED.status())
        .type(MediaType.APPLICATION_JSON_TYPE)
        .header(RETRY_AFTER, decision.retryAfterSeconds())
        .entity(
            ErrorResponse.of(ErrorCode.RATE_LIMITED, decision.refusal(), decision.refusalDetails()))
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
