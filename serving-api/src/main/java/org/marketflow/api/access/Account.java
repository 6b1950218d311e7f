package org.marketflow.api.access;

import java.time.Instant;
import java.util.UUID;

/**
 * An institutional account: its {@code accountType} selects the rate-limit tier, and an inactive
 * account's keys are refused.
 */
public record Account(
    UUID accountId, String name, String accountType, boolean active, Instant createdAt) {}
