package org.marketflow.api.access;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Writes accounts and keys into a test database with {@link AccessStore}, the service's own SQL, so
 * that test keys are stored exactly as the admin endpoints store them. In this package because the
 * store's statements are package-private; {@link org.marketflow.api.testing.TestApiKeys} is the
 * entry point for tests.
 */
public final class AccessFixtures {

  private final AccessStore store;

  public AccessFixtures(DataSource dataSource) {
    this.store = new AccessStore(dataSource, new ObjectMapper());
  }

  /** The ids of a key written by {@link #insert}. */
  public record Ids(UUID keyId, UUID accountId) {}

  /**
   * A new account of {@code accountType} and one key of it, in one transaction, without audit rows
   * (no admin acted).
   *
   * @param active whether the account is active
   * @param prefix the key's public prefix
   * @param secretHash the key's HMAC under the service's pepper
   * @param revoked whether the key is revoked
   */
  public Ids insert(
      String accountType,
      boolean active,
      String prefix,
      byte[] secretHash,
      Set<String> permissions,
      boolean revoked) {
    return store.inTransaction(
        "create a test key",
        c -> {
          Account account = store.insertAccount(c, "test-" + prefix, accountType);
          if (!active) {
            store.updateAccountActive(c, account.accountId(), false);
          }
          ApiKeyView key = store.insertKey(c, account.accountId(), prefix, secretHash, permissions);
          if (revoked) {
            store.revokeKey(c, key.keyId(), null);
          }
          return new Ids(key.keyId(), account.accountId());
        });
  }
}
