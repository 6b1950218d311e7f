package org.marketflow.api.observability;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * {@code GET /q/metrics}: the registry in the Prometheus text format, beside Quarkus' own {@code
 * /q/health} (the Micrometer extension that would serve it is not available for our platform
 * release).
 */
@ApplicationScoped
public class MetricsEndpoint {

  static final String PATH = "/q/metrics";
  private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  private final PrometheusMeterRegistry registry;

  public MetricsEndpoint(PrometheusMeterRegistry registry) {
    this.registry = registry;
  }

  void register(@Observes Router router) {
    router
        .get(PATH)
        .handler(
            context ->
                context
                    .response()
                    .putHeader(HttpHeaders.CONTENT_TYPE, PROMETHEUS_TEXT)
                    .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                    .end(registry.scrape()));
  }
}
