package org.marketflow.api.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.marketflow.api.access.AccessFixtures;
import org.marketflow.api.access.ApiKeyFormat;
import org.marketflow.api.access.ApiKeyHasher;
import org.marketflow.api.access.Permissions;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Creates institutional accounts and API keys directly in a test database, through the service's
 * own {@code AccessStore} ({@link AccessFixtures}), hashed with {@link #PEPPER} (the pepper {@link
 * PostgresTestResource} gives the service), and returns the keys to send in {@code X-API-Key}.
 * Every call makes a new account with a random id, so tests never share one by accident.
 *
 * <p>In a test class that uses {@link PostgresTestResource}, get one with a field
 * {@code @InjectApiKeys TestApiKeys apiKeys;}, or the ready-made keys of {@link StandardKeys} with
 * {@code @InjectApiKeys StandardKeys keys;}.
 */
public final class TestApiKeys {

  /** The pepper of the tests: the service under test is configured with it. */
  public static final String PEPPER = "test-pepper-not-a-secret-0123456789abcdef";

  /** The account type of the default rate-limit tier (1,000 per minute, burst 100). */
  public static final String STANDARD = "standard";

  private final String jdbcUrl;
  private final String user;
  private final String password;
  private final ApiKeyHasher hasher = new ApiKeyHasher(PEPPER);
  private final AccessFixtures fixtures;

  public TestApiKeys(String jdbcUrl, String user, String password) {
    this.jdbcUrl = jdbcUrl;
    this.user = user;
    this.password = password;
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setUrl(jdbcUrl);
    dataSource.setUser(user);
    dataSource.setPassword(password);
    this.fixtures = new AccessFixtures(dataSource);
  }

  /** A key with {@code permissions} of a new active {@link #STANDARD} account. */
  public String key(String... permissions) {
    return create(STANDARD, true, false, permissions).key();
  }

  /** A key with {@code permissions} of a new active account of {@code accountType}. */
  public String keyOfType(String accountType, String... permissions) {
    return create(accountType, true, false, permissions).key();
  }

  /** A key that has been revoked. */
  public String revokedKey(String... permissions) {
    return create(STANDARD, true, true, permissions).key();
  }

  /** An active key of an inactive account. */
  public String inactiveAccountKey(String... permissions) {
    return create(STANDARD, false, false, permissions).key();
  }

  /**
   * A new account and one key of it.
   *
   * @param active whether the account is active
   * @param revoked whether the key is revoked
   */
  public Created create(
      String accountType, boolean active, boolean revoked, String... permissions) {
    String key = ApiKeyFormat.newKey();
    AccessFixtures.Ids ids =
        fixtures.insert(
            accountType,
            active,
            ApiKeyFormat.prefixOf(key),
            hasher.hash(key),
            Permissions.of(List.of(permissions)),
            revoked);
    return new Created(key, ids.keyId(), ids.accountId());
  }

  /** A connection to the test database, for assertions on the access tables. */
  public Connection connect() throws SQLException {
    return DriverManager.getConnection(jdbcUrl, user, password);
  }

  /** One key created by {@link #create}, with its ids. */
  public record Created(String key, UUID keyId, UUID accountId) {}

  /** One key of each kind the auth tests need, created once per test database. */
  public record StandardKeys(
      String read, String trade, String admin, String all, String revoked, String inactive) {

    static StandardKeys createWith(TestApiKeys keys) {
      String[] every = Permissions.ALL.toArray(String[]::new);
      return new StandardKeys(
          keys.key(Permissions.READ),
          keys.key(Permissions.TRADE),
          keys.key(Permissions.ADMIN),
          keys.key(every),
          keys.revokedKey(every),
          keys.inactiveAccountKey(every));
    }
  }
}
