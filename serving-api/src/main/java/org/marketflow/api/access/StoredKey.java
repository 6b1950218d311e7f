package org.marketflow.api.access;

import java.util.Set;
import java.util.UUID;

/** What verifying a key needs from its row and its account's. */
record StoredKey(
    UUID keyId,
    String prefix,
    byte[] secretHash,
    Set<String> permissions,
    boolean revoked,
    UUID accountId,
    String accountType,
    boolean accountActive) {}
