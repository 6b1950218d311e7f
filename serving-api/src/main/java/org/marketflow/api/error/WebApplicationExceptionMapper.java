package org.marketflow.api.error;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Gives the framework's own HTTP errors (no such resource, wrong method, unacceptable media type)
 * the {@link ErrorResponse} shape instead of an empty or HTML body.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

  private static final Logger LOG = Logger.getLogger(WebApplicationExceptionMapper.class);

  @Context UriInfo uriInfo;

  @Override
  public Response toResponse(WebApplicationException exception) {
    int status = exception.getResponse().getStatus();
    ErrorCode code = ErrorCode.forStatus(status);
    if (code == ErrorCode.INTERNAL_ERROR) {
      LOG.error("Request failed with HTTP " + status, exception);
    }
    Object details = uriInfo == null ? null : Map.of("path", uriInfo.getPath());
    // The reason phrase, not the exception message: that may carry internals.
    String error = ErrorResponse.reasonPhrase(status);
    return Response.status(status)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(ErrorResponse.of(code, error, details))
        .build();
  }
}
