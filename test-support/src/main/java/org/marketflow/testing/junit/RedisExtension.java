package org.marketflow.testing.junit;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.marketflow.testing.servers.LocalRedis;
import org.marketflow.testing.servers.RedisServer;

/**
 * Injects the shared {@link RedisServer} and a {@link RedisKeyPrefix} unique to the test.
 *
 * <p>The server is shared, so tests must keep to their prefix; keys are not deleted afterwards (the
 * server keeps nothing on disk), so give them a TTL where a test writes many.
 */
public final class RedisExtension implements ParameterResolver {

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == RedisServer.class || type == RedisKeyPrefix.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    RedisServer redis = LocalRedis.shared();
    if (parameter.getParameter().getType() == RedisServer.class) {
      return redis;
    }
    return new RedisKeyPrefix(redis.uniqueKeyPrefix(ExtensionContexts.testName(context)));
  }
}
