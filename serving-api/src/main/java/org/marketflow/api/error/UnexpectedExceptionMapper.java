package org.marketflow.api.error;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The last resort: any other exception is a 500 {@link ErrorCode#INTERNAL_ERROR}. The stack trace
 * goes to the log under a random error id, and only the id goes to the client.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

  private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class);

  @Override
  public Response toResponse(Throwable exception) {
    String errorId = UUID.randomUUID().toString();
    LOG.errorf(exception, "Unexpected failure, error id %s", errorId);
    return Response.status(ErrorCode.INTERNAL_ERROR.status())
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(
            ErrorResponse.of(
                ErrorCode.INTERNAL_ERROR, "Internal server error", Map.of("errorId", errorId)))
        .build();
  }
}
