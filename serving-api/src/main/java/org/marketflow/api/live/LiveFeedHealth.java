package org.marketflow.api.live;

import io.smallrye.health.api.Wellness;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * {@code live-feed} under {@code /q/health/well}: UP while the consumer streams every topic, DOWN
 * while it looks for them or Kafka is away, UP with {@code state=DISABLED} without Kafka settings.
 * A wellness check, not a readiness one: the REST endpoints serve without the feed, so its state
 * must not take the instance out of a load balancer.
 */
@Wellness
@ApplicationScoped
public class LiveFeedHealth implements HealthCheck {

  private final LiveFeedConsumer consumer;

  public LiveFeedHealth(LiveFeedConsumer consumer) {
    this.consumer = consumer;
  }

  @Override
  public HealthCheckResponse call() {
    LiveFeedConsumer.State state = consumer.state();
    return HealthCheckResponse.named("live-feed")
        .status(state != LiveFeedConsumer.State.CONNECTING)
        .withData("state", state.name())
        .build();
  }
}
