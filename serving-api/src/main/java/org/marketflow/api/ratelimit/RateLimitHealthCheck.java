package org.marketflow.api.ratelimit;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Shows where rate limits are decided, after a {@code PING} of Redis: {@code store: redis}, or
 * {@code store: local} (degraded) while Redis fails. Stays UP either way: the instance still serves
 * correctly-limited answers, and taking every instance out of rotation because the shared Redis
 * failed would turn a Redis outage into an outage of the whole API.
 */
@Readiness
@ApplicationScoped
public class RateLimitHealthCheck implements HealthCheck {

  static final String NAME = "Rate limits";

  private final RateLimiter limiter;

  public RateLimitHealthCheck(RateLimiter limiter) {
    this.limiter = limiter;
  }

  @Override
  public HealthCheckResponse call() {
    boolean shared = limiter.enabled() && limiter.probeRedis();
    return HealthCheckResponse.named(NAME)
        .up()
        .withData("enabled", limiter.enabled())
        .withData("store", shared ? "redis" : "local")
        .withData("degraded", !shared)
        .build();
  }
}
