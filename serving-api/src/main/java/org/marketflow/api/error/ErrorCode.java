package org.marketflow.api.error;

/**
 * The stable {@code code} values of {@link ErrorResponse}. Clients branch on these, so a constant
 * is never renamed or reused for another meaning; new failures get new constants.
 */
public enum ErrorCode {
  /** A query parameter is missing, malformed, out of range or conflicts with another. */
  INVALID_PARAMETER(400),
  /** The request is malformed in a way that is not about one parameter. */
  BAD_REQUEST(400),
  /** The request has no {@code X-API-Key} header (or an empty one). */
  API_KEY_MISSING(401),
  /** The {@code X-API-Key} is malformed or no such key exists. */
  API_KEY_INVALID(401),
  /** The key was revoked (or rotated: its successor is valid). */
  API_KEY_REVOKED(401),
  /** The key's account is inactive. */
  ACCOUNT_INACTIVE(401),
  /** The key is valid but lacks the permission this endpoint needs. */
  FORBIDDEN(403),
  /** No endpoint at this path, or no such account or key. */
  NOT_FOUND(404),
  /**
   * The order book asked for is not live: no snapshot of it in the last 2 seconds (unknown
   * instrument, a book not synced, or no change for that long).
   */
  NO_LIVE_ORDER_BOOK(404),
  /** The path exists but not for this HTTP method. */
  METHOD_NOT_ALLOWED(405),
  /** The endpoint cannot produce a representation the client accepts. */
  NOT_ACCEPTABLE(406),
  /** The request target (path and query) is longer than the service accepts. */
  URI_TOO_LONG(414),
  /** The target is not in a state that allows the action (e.g. rotating a revoked key). */
  CONFLICT(409),
  /** The endpoint does not take a body of this media type. */
  UNSUPPORTED_MEDIA_TYPE(415),
  /** An export job is still being written, or failed: there is no file to download. */
  EXPORT_NOT_READY(409),
  /** An export job's file has expired and was removed; export again. */
  EXPORT_EXPIRED(410),
  /** The key's rate limit is exhausted; {@code Retry-After} says when to retry. */
  RATE_LIMITED(429),
  /** The database cannot be reached; retrying later may succeed. */
  SERVICE_UNAVAILABLE(503),
  /** A bug or an unexpected failure; details are in the server log under the error id. */
  INTERNAL_ERROR(500);

  private final int status;

  ErrorCode(int status) {
    this.status = status;
  }

  /** The HTTP status this code is answered with. */
  public int status() {
    return status;
  }

  /** The code for an HTTP error status raised by the framework (unknown path, wrong method...). */
  public static ErrorCode forStatus(int status) {
    return switch (status) {
      case 404 -> NOT_FOUND;
      case 401 -> API_KEY_MISSING;
      case 403 -> FORBIDDEN;
      case 405 -> METHOD_NOT_ALLOWED;
      case 406 -> NOT_ACCEPTABLE;
      case 414 -> URI_TOO_LONG;
      case 409 -> CONFLICT;
      case 415 -> UNSUPPORTED_MEDIA_TYPE;
      case 429 -> RATE_LIMITED;
      case 503 -> SERVICE_UNAVAILABLE;
      default -> status >= 400 && status < 500 ? BAD_REQUEST : INTERNAL_ERROR;
    };
  }
}
