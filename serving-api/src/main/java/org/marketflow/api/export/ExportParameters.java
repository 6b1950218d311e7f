package org.marketflow.api.export;

import jakarta.ws.rs.QueryParam;
import java.time.Duration;
import org.marketflow.api.error.InvalidParameterException;

/**
 * The query parameters of {@code GET /api/institutional/market-data/export} as they arrive, taken
 * with {@code @BeanParam}; strings, so that a bad value is a 400 naming the parameter (see {@link
 * ExportRequest#parse}).
 */
public class ExportParameters {

  @QueryParam("type")
  String type;

  @QueryParam("format")
  String format;

  @QueryParam("instrument")
  String instrument;

  @QueryParam("eventId")
  String eventId;

  @QueryParam("outcomeId")
  String outcomeId;

  @QueryParam("option")
  String option;

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
}
