package org.marketflow.api.error;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.marketflow.api.persistence.DataAccessException;

/**
 * An unreachable database is a 503 {@link ErrorCode#SERVICE_UNAVAILABLE} (clients may retry); any
 * other database failure is a 500. SQL and driver messages stay in the log.
 */
@Provider
public class DataAccessExceptionMapper implements ExceptionMapper<DataAccessException> {

  private static final Logger LOG = Logger.getLogger(DataAccessExceptionMapper.class);

  @Override
  public Response toResponse(DataAccessException exception) {
    String errorId = UUID.randomUUID().toString();
    ErrorResponse body;
    if (exception.databaseUnavailable()) {
      LOG.warnf("Database unavailable, error id %s: %s", errorId, exception.getMessage());
      body =
          ErrorResponse.of(
              ErrorCode.SERVICE_UNAVAILABLE,
              "The market-data store is unavailable; retry later",
              Map.of("errorId", errorId));
    } else {
      LOG.errorf(exception, "Database failure, error id %s", errorId);
      body =
          ErrorResponse.of(
              ErrorCode.INTERNAL_ERROR, "Internal server error", Map.of("errorId", errorId));
    }
    return Response.status(body.code().status())
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(body)
        .build();
  }
}
