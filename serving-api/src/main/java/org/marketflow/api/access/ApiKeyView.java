package org.marketflow.api.access;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An API key as the admin endpoints list it: everything but the secret and its hash. {@code
 * replacedBy} names the key that a rotation created in its place.
 */
@JsonPropertyOrder({
  "keyId",
  "accountId",
  "prefix",
  "permissions",
  "status",
  "createdAt",
  "revokedAt",
  "rotatedAt",
  "replacedBy"
})
public record ApiKeyView(
    UUID keyId,
    UUID accountId,
    String prefix,
    List<String> permissions,
    String status,
    Instant createdAt,
    Instant revokedAt,
    Instant rotatedAt,
    UUID replacedBy) {

  public static final String ACTIVE = "active";
  public static final String REVOKED = "revoked";
}
