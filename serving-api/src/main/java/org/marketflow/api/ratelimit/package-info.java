/**
 * Rate limits per API key, and per client address for requests without a valid key: a GCRA ({@link
 * org.marketflow.api.ratelimit.Gcra}) run atomically in Redis by a Lua script, with an in-memory
 * fallback while Redis fails, applied by {@link org.marketflow.api.ratelimit.RateLimitFilter} after
 * authentication; tiers per account type are {@code marketflow.rate-limit.*}. docs/api.md "Rate
 * limits" is the contract.
 */
package org.marketflow.api.ratelimit;
