package org.marketflow.api.export;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The export's meters, tagged by {@code type}, {@code format} and {@code delivery} ({@code stream}
 * or {@code job}): {@code marketflow_exports_total} exports written whole, {@code
 * marketflow_export_rows_total} their rows, {@code marketflow_export_failures_total} exports cut
 * short (database failure, client gone, disk full).
 */
@ApplicationScoped
public class ExportMetrics {

  /** How an export was delivered, the {@code delivery} tag. */
  public enum Delivery {
    STREAM("stream"),
    JOB("job");

    private final String tag;

    Delivery(String tag) {
      this.tag = tag;
    }
  }

  private final MeterRegistry registry;

  public ExportMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /** An export of {@code rows} rows was written whole. */
  public void completed(ExportRequest request, Delivery delivery, long rows) {
    counter("marketflow.exports", request, delivery).increment();
    counter("marketflow.export.rows", request, delivery).increment(rows);
  }

  /** An export failed before its end. */
  public void failed(ExportRequest request, Delivery delivery) {
    counter("marketflow.export.failures", request, delivery).increment();
  }

  private Counter counter(String name, ExportRequest request, Delivery delivery) {
    return Counter.builder(name)
        .tag("type", request.type().code())
        .tag("format", request.format().code())
        .tag("delivery", delivery.tag)
        .register(registry);
  }
}
