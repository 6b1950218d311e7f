/**
 * The Redis cache of market-data answers: {@link org.marketflow.api.cache.ResponseCache} (read
 * through, counted by endpoint and result, never failing a request when Redis is away) and {@link
 * org.marketflow.api.cache.CacheTtls} (each endpoint's time to live).
 */
package org.marketflow.api.cache;
