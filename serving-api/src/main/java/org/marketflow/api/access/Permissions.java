package org.marketflow.api.access;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The permissions an API key can hold, which are also the security roles of its requests: a
 * market-data resource is {@code @RolesAllowed(Permissions.READ)}, an admin resource
 * {@code @RolesAllowed(Permissions.ADMIN)}. Each name is written here once.
 */
public final class Permissions {

  /** Market data: trades, OHLC, order book, statistics, export, the WebSocket feed. */
  public static final String READ = "read";

  /** Trading on behalf of the account (no endpoint needs it yet). */
  public static final String TRADE = "trade";

  /** The admin endpoints: accounts and keys. */
  public static final String ADMIN = "admin";

  /** Every permission, in the order they are listed to clients. */
  public static final List<String> ALL = List.of(READ, TRADE, ADMIN);

  private Permissions() {}

  /**
   * The given names as a set, checked.
   *
   * @throws IllegalArgumentException naming the first unknown permission, or when none is given
   */
  public static Set<String> of(Collection<String> names) {
    if (names == null || names.isEmpty()) {
      throw new IllegalArgumentException("at least one permission is required; one of " + ALL);
    }
    Set<String> out = new LinkedHashSet<>();
    for (String name : names) {
      if (!ALL.contains(name)) {
        throw new IllegalArgumentException(
            "unknown permission '" + name + "'; expected some of " + ALL);
      }
      out.add(name);
    }
    return Set.copyOf(out);
  }
}
