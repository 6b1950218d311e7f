package org.marketflow.api.observability;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
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
  // One timer per method, status and path template, looked up without building a meter id.
  private final Map<TimerKey, Timer> timers = new ConcurrentHashMap<>();

  public HttpObservation(MeterRegistry registry, MarketflowConfig config) {
    this.registry = registry;
    this.accessLog = config.accessLog().enabled();
  }

  private record TimerKey(String method, int status, String uri) {}

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
    String method = request.method().name();
    String path = PathTemplates.of(request.path(), status);
    timers
        .computeIfAbsent(new TimerKey(method, status, path), this::timer)
        .record(nanos, TimeUnit.NANOSECONDS);
    if (accessLog && ACCESS.isInfoEnabled()) {
      ACCESS.info(
          accessLine(
              method,
              path,
              status,
              nanos,
              context.response().bytesWritten(),
              request.remoteAddress() == null ? null : request.remoteAddress().hostAddress()));
    }
  }

  private Timer timer(TimerKey key) {
    return Timer.builder("http.server.requests")
        .description("HTTP requests answered, by method, status and path template")
        .tag("method", key.method())
        .tag("status", Integer.toString(key.status()))
        .tag("uri", key.uri())
        .publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofNanos(100_000))
        .maximumExpectedValue(Duration.ofSeconds(30))
        .register(registry);
  }

  /**
   * The access-log line of one request: {@code method=GET path=/api/... status=200
   * duration_ms=1.234 bytes=512 remote=127.0.0.1}, {@code path} the path template (never the query
   * string), {@code duration_ms} with three decimals (rounded half up), {@code bytes} the body
   * bytes written, {@code remote} the client's address or {@code -}. Built without a format string,
   * which would cost more than the rest of the line.
   */
  static String accessLine(
      String method, String path, int status, long nanos, long bytes, String remote) {
    long micros = (nanos + 500) / 1_000;
    long fraction = micros % 1_000;
    StringBuilder line = new StringBuilder(96 + path.length());
    line.append("method=")
        .append(method)
        .append(" path=")
        .append(path)
        .append(" status=")
        .append(status)
        .append(" duration_ms=")
        .append(micros / 1_000)
        .append('.');
    if (fraction < 100) {
      line.append(fraction < 10 ? "00" : "0");
    }
    return line.append(fraction)
        .append(" bytes=")
        .append(bytes)
        .append(" remote=")
        .append(remote == null ? "-" : remote)
        .toString();
  }
}
