package org.marketflow.api.error;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Authentication and authorization failures as {@link ErrorResponse}s: 401 for a missing or refused
 * key, 403 for a valid key without the permission the endpoint needs. They replace Quarkus' default
 * answers, which have an empty body. Authentication is not proactive ({@code
 * quarkus.http.auth.proactive=false}), so its failures surface here, in the REST layer.
 */
public class SecurityExceptionMappers {

  static final String MISSING = "An API key is required in the X-API-Key header";
  static final String INVALID = "The API key is not valid";
  static final String FORBIDDEN = "The API key lacks the permission this endpoint requires";

  @ServerExceptionMapper
  public Response unauthorized(UnauthorizedException exception) {
    return answer(ErrorCode.API_KEY_MISSING, MISSING);
  }

  @ServerExceptionMapper
  public Response authenticationFailed(AuthenticationFailedException exception) {
    for (Throwable t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof CredentialsRejectedException rejected) {
        return answer(rejected.code(), rejected.getMessage());
      }
    }
    return answer(ErrorCode.API_KEY_INVALID, INVALID);
  }

  @ServerExceptionMapper
  public Response forbidden(ForbiddenException exception) {
    return answer(ErrorCode.FORBIDDEN, FORBIDDEN);
  }

  private static Response answer(ErrorCode code, String message) {
    return Response.status(code.status())
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(ErrorResponse.of(code, message, null))
        .build();
  }
}
