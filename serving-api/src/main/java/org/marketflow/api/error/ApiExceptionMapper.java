package org.marketflow.api.error;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Answers an {@link ApiException} with its status and {@link ErrorResponse}. */
@Provider
public class ApiExceptionMapper implements ExceptionMapper<ApiException> {

  @Override
  public Response toResponse(ApiException exception) {
    return Response.status(exception.code().status())
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(exception.toResponse())
        .build();
  }
}
