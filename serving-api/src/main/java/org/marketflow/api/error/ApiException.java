package org.marketflow.api.error;

import java.util.Objects;

/**
 * A failure that is answered with an {@link ErrorResponse}: its {@link ErrorCode} decides the HTTP
 * status, its message becomes {@code error} and {@link #details()} becomes {@code details}.
 */
public class ApiException extends RuntimeException {

  private final ErrorCode code;
  private final transient Object details;

  public ApiException(ErrorCode code, String message, Object details) {
    this(code, message, details, null);
  }

  public ApiException(ErrorCode code, String message, Object details, Throwable cause) {
    super(message, cause);
    this.code = Objects.requireNonNull(code, "code");
    this.details = details;
  }

  public ErrorCode code() {
    return code;
  }

  public Object details() {
    return details;
  }

  public ErrorResponse toResponse() {
    return ErrorResponse.of(code, getMessage(), details);
  }
}
