package org.marketflow.api.observability;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Singleton;

/**
 * The service's one meter registry, a Prometheus one: features register their counters, timers and
 * gauges on the {@link MeterRegistry} they are given, and the metrics endpoint scrapes it.
 */
@ApplicationScoped
public class MeterRegistries {

  private final PrometheusMeterRegistry prometheus =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

  // Typed: a PrometheusMeterRegistry is a MeterRegistry too, and two producers of MeterRegistry
  // would make every injection of it ambiguous.
  @Produces
  @Singleton
  @Typed(PrometheusMeterRegistry.class)
  PrometheusMeterRegistry prometheus() {
    return prometheus;
  }

  @Produces
  @Singleton
  MeterRegistry registry() {
    return prometheus;
  }
}
