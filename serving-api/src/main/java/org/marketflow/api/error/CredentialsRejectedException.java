package org.marketflow.api.error;

import io.quarkus.security.AuthenticationFailedException;
import java.util.Objects;

/**
 * Why presented credentials were refused (a malformed, unknown or revoked key, an inactive
 * account), as the {@link ErrorCode} that the 401 answer names. Thrown as the cause of an {@link
 * AuthenticationFailedException} (see {@link #asAuthenticationFailure()}), which Quarkus treats as
 * a failed authentication and which is final.
 */
public class CredentialsRejectedException extends RuntimeException {

  private final ErrorCode code;

  public CredentialsRejectedException(ErrorCode code, String message) {
    super(message, null, false, false);
    this.code = Objects.requireNonNull(code, "code");
  }

  public ErrorCode code() {
    return code;
  }

  /** This refusal as the exception an identity provider fails with. */
  public AuthenticationFailedException asAuthenticationFailure() {
    return new AuthenticationFailedException(getMessage(), this);
  }
}
