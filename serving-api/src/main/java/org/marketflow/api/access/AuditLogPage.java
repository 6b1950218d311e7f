package org.marketflow.api.access;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One page of the audit log, newest entry first; {@code nextCursor} reads the older entries that
 * follow, {@code null} on the last page.
 */
@JsonPropertyOrder({"count", "nextCursor", "entries"})
public record AuditLogPage(int count, String nextCursor, List<Entry> entries) {

  /**
   * One admin action, a row of {@code api_audit_log}.
   *
   * @param auditId the entry's number, increasing with time
   * @param actorKeyId the admin key that acted; {@code null} for the service itself (the start-up
   *     bootstrap)
   * @param action {@code account.create}, {@code account.activate}, {@code account.deactivate},
   *     {@code key.create}, {@code key.rotate} or {@code key.revoke}
   * @param targetType {@code account} or {@code key}
   * @param targetId the account's or the key's id
   * @param details what the action recorded (a name, a key's prefix and permissions, a successor)
   */
  @JsonPropertyOrder({
    "auditId",
    "createdAt",
    "action",
    "targetType",
    "targetId",
    "actorKeyId",
    "details"
  })
  public record Entry(
      long auditId,
      Instant createdAt,
      String action,
      String targetType,
      String targetId,
      UUID actorKeyId,
      JsonNode details) {}
}
