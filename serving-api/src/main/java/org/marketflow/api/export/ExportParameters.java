package org.marketflow.api.export;

import jakarta.ws.rs.QueryParam;
import java.time.Duration;
import org.marketflow.api.common.MarketParameters;
import org.marketflow.api.common.MarketSelection;
import org.marketflow.api.error.InvalidParameterException;

/**
 * The query parameters of {@code GET /api/institutional/market-data/export} as they arrive, taken
 * with {@code @BeanParam}; strings, so that a bad value is a 400 naming the parameter (see {@link
 * ExportRequest#parse}).
 */
public class ExportParameters extends MarketParameters {

  @QueryParam("type")
  String type;

  @QueryParam("format")
  String format;

  @QueryParam("startTime")
  String startTime;

  @QueryParam("endTime")
  String endTime;

  @QueryParam("interval")
  String interval;

  @QueryParam("period")
  String period;

  @QueryParam("async")
  String async;

  /**
   * The validated request.
   *
   * @param maxRange the longest range allowed, {@code marketflow.export.max-range}
   * @throws InvalidParameterException for the first missing, malformed or conflicting parameter
   */
  public ExportRequest toRequest(Duration maxRange) {
    return ExportRequest.parse(this, maxRange);
  }

  /** The validated market: {@code instrument}, or {@code eventId} with its narrowing. */
  MarketSelection selection() {
    return market();
  }
}
