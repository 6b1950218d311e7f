package org.marketflow.api.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Writes an {@link ErrorResponse} from a Vert.x route, for the errors raised before the REST layer
 * (a malformed request target, a wrong method on a management path, a failed route).
 */
@ApplicationScoped
public class RoutingErrors {

  private final ObjectMapper objectMapper;

  public RoutingErrors(ObjectMapper objectMapper) {
    this.objectMapper = objectMapper;
  }

  /** Ends the exchange with {@code status} and the body of {@code code}; false if it could not. */
  public boolean answer(
      RoutingContext context, int status, ErrorCode code, String error, Object details) {
    String json;
    try {
      json = objectMapper.writeValueAsString(ErrorResponse.of(code, error, details));
    } catch (JsonProcessingException e) {
      return false;
    }
    context
        .response()
        .setStatusCode(status)
        .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
        .end(json);
    return true;
  }
}
