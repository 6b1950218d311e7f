package org.marketflow.api.observability;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import org.jboss.logging.Logger;
import org.marketflow.api.common.MarketflowConfig;

/**
 * Times every request into {@code http.server.requests} (method, status, path template; a
 * Prometheus histogram, so rates and latency quantiles come from the scrape) and writes one
 * structured access-log line per request to the {@code org.marketflow.api.access} category.
 *
 * <p>A Vert.x route ahead of all others rather than a JAX-RS filter, so that answers given before
 * the REST layer (a 404, a malformed target, health) are counted too.
 */
@ApplicationScoped
public class HttpObservation {

  private static final Logger ACCESS = Logger.getLogger("org.marketflow.api.access");

  private final MeterRegistry registry;
  private final boolean accessLog;

  public HttpObservation(MeterRegistry registry, MarketflowConfig config) {
    this.registry = registry;
    this.accessLog = config.accessLog().enabled();
  }

  void register(@Observes Router router) {
    router.route().order(Integer.MIN_VALUE).handler(this::observe);
  }

  void observe(RoutingContext context) {
    long startedAt = System.nanoTime();
    context.addEndHandler(ended -> record(context, System.nanoTime() - startedAt));
    context.next();
  }

  private void record(RoutingContext context, long nanos) {
    HttpServerRequest request = context.request();
    int status = context.response().getStatusCode();
    String path = PathTemplates.of(request.path(), status);
    Timer.builder("http.server.requests")
        .description("HTTP requests answered, by method, status and path template")
        .tag("method", request.method().name())
        .tag("status", Integer.toString(status))
        .tag("uri", path)
        .publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofNanos(100_000))
        .maximumExpectedValue(Duration.ofSeconds(30))
        .register(registry)
        .record(Duration.ofNanos(nanos));
    if (accessLog) {
      ACCESS.infof(
          "method=%s path=%s status=%d duration_ms=%.3f bytes=%d remote=%s",
          request.method().name(),
          path,
          status,
          nanos / 1e6,
          context.response().bytesWritten(),
          request.remoteAddress() == null ? "-" : request.remoteAddress().hostAddress());
    }
  }
}
