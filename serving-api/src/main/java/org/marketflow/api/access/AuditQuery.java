package org.marketflow.api.access;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.marketflow.api.common.OpaqueCursor;
import org.marketflow.api.common.QueryParameters;
import org.marketflow.api.error.InvalidParameterException;

/**
 * A validated read of the audit log ({@code GET .../admin/audit}): entries newest first, {@code
 * limit} of them, older than the cursor's entry when there is one.
 *
 * @param accountId only entries about this account or one of its keys; {@code null} for all
 * @param startTime only entries at or after this time; {@code null} for no bound
 * @param endTime only entries before this time; {@code null} for no bound
 * @param limit entries per page, 1 to {@link #MAX_LIMIT}
 * @param beforeAuditId only entries older than this one (the cursor); {@code null} on the first
 *     page
 */
public record AuditQuery(
    UUID accountId, Instant startTime, Instant endTime, int limit, Long beforeAuditId) {

  public static final int DEFAULT_LIMIT = 100;
  public static final int MAX_LIMIT = 1000;

  private static final String CURSOR_KIND = "audit.v1";

  /**
   * Validates the query parameters, each a 400 {@code INVALID_PARAMETER} naming it when bad.
   *
   * @throws InvalidParameterException for the first bad parameter
   */
  static AuditQuery of(
      String accountId, String startTime, String endTime, String limit, String cursor) {
    UUID account =
        QueryParameters.given(accountId) == null ? null : AdminRequests.id("accountId", accountId);
    Instant start = QueryParameters.instant("startTime", startTime);
    Instant end = QueryParameters.instant("endTime", endTime);
    if (start != null && end != null && !end.isAfter(start)) {
      throw new InvalidParameterException("endTime", endTime, "must be after startTime");
    }
    int rows = QueryParameters.intInRange("limit", limit, 1, MAX_LIMIT, DEFAULT_LIMIT);
    Long before = null;
    if (QueryParameters.given(cursor) != null) {
      String field = OpaqueCursor.decode("cursor", cursor, CURSOR_KIND, 1).get(0);
      try {
        before = Long.parseLong(field);
      } catch (NumberFormatException e) {
        throw new InvalidParameterException("cursor", cursor, OpaqueCursor.REASON);
      }
    }
    return new AuditQuery(account, start, end, rows, before);
  }

  /** The cursor of the page after the one ending with entry {@code auditId}. */
  static String cursorAfter(long auditId) {
    return OpaqueCursor.encode(CURSOR_KIND, List.of(Long.toString(auditId)));
  }
}
