package org.marketflow.api.error;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jakarta.ws.rs.core.Response;
import java.time.Instant;

/**
 * The body of every error answer, as in the institutional market-data design: a human-readable
 * {@code error}, a stable {@link ErrorCode}, optional structured {@code details} and the time of
 * the answer.
 */
@JsonPropertyOrder({"error", "code", "details", "timestamp"})
public record ErrorResponse(
    String error,
    ErrorCode code,
    @JsonInclude(JsonInclude.Include.NON_NULL) Object details,
    Instant timestamp) {

  public static ErrorResponse of(ErrorCode code, String error, Object details) {
    return new ErrorResponse(error, code, details, Instant.now());
  }

  /** The standard reason phrase of an HTTP status ("Not Found"), for framework-raised errors. */
  public static String reasonPhrase(int status) {
    Response.Status known = Response.Status.fromStatusCode(status);
    return known != null ? known.getReasonPhrase() : "HTTP " + status;
  }
}
