/**
 * Redis as every feature sees it: one shared connection pool ({@link
 * org.marketflow.api.redis.RedisClient}). What a feature stores there, and what it does when Redis
 * is away, belongs to that feature's package.
 */
package org.marketflow.api.redis;
