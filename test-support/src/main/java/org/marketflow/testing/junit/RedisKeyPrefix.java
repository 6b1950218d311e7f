package org.marketflow.testing.junit;

/**
 * A key namespace of one test, injected by {@link RedisExtension}: {@code <Test-method>:<random>:}.
 *
 * @param value the prefix, ending in ':'
 */
public record RedisKeyPrefix(String value) {

  /** {@code value + name}. */
  public String key(String name) {
    return value + name;
  }
}
