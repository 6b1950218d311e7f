package org.marketflow.api.access;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.marketflow.api.common.MarketflowConfig;
import org.marketflow.api.error.CredentialsRejectedException;
import org.marketflow.api.error.ErrorCode;

/**
 * Verifies an API key: well-formed, found by its prefix, its HMAC equal to the stored one (in
 * constant time), not revoked, its account active. A key row read from the database is trusted for
 * {@code marketflow.access.key-cache-ttl} (10 s by default) so that a busy key costs one HMAC per
 * request instead of a query; a change made on this instance drops the entry at once, other
 * instances see it when their entry expires. Unknown prefixes are not cached: they would let random
 * keys fill the cache.
 */
@ApplicationScoped
public class KeyVerifier {

  static final String INVALID = "The API key is not valid";
  static final String REVOKED = "The API key has been revoked";
  static final String INACTIVE = "The API key's account is inactive";

  /** Database reads of a key's row (its prefix not cached), by whether a row was found. */
  public static final String LOOKUPS = "marketflow_api_key_lookups";

  private final AccessStore store;
  private final ApiKeyHasher hasher;
  private final Cache<String, StoredKey> byPrefix;
  private final Counter found;
  private final Counter unknown;

  public KeyVerifier(AccessStore store, MarketflowConfig config, MeterRegistry meters) {
    this.store = store;
    this.found = lookups(meters, "true");
    this.unknown = lookups(meters, "false");
    this.hasher = new ApiKeyHasher(config.access().pepper());
    this.byPrefix =
        Caffeine.newBuilder()
            .expireAfterWrite(config.access().keyCacheTtl())
            .maximumSize(100_000)
            .build();
  }

  /** The hasher of this service's pepper, for the keys it creates. */
  ApiKeyHasher hasher() {
    return hasher;
  }

  /**
   * The stored key that {@code key} is.
   *
   * @throws io.quarkus.security.AuthenticationFailedException (caused by a {@link
   *     CredentialsRejectedException}) when it is not a valid key of an active account
   */
  StoredKey verify(String key) {
    String prefix = prefixOf(key);
    return check(key, byPrefix.get(prefix, this::read));
  }

  /** The row of a prefix, read from the database and counted; {@code null} when unknown. */
  private StoredKey read(String prefix) {
    StoredKey stored =
        store.inTransaction("read an API key", c -> store.findByPrefix(c, prefix)).orElse(null);
    (stored == null ? unknown : found).increment();
    return stored;
  }

  private static Counter lookups(MeterRegistry meters, String found) {
    return Counter.builder(LOOKUPS)
        .description("Database reads of an API key's row, by whether one was found")
        .tag("found", found)
        .register(meters);
  }

  /**
   * {@link #verify} when it needs no database read (a malformed key, or a prefix whose row is
   * cached), so that a busy key is verified on the calling thread; {@code null} when the row must
   * be read first.
   *
   * @throws io.quarkus.security.AuthenticationFailedException as {@link #verify} does
   */
  StoredKey verifyIfCached(String key) {
    StoredKey stored = byPrefix.getIfPresent(prefixOf(key));
    return stored == null ? null : check(key, stored);
  }

  /**
   * Whether {@code key} (the header's value, {@code null} when absent) would be verified without a
   * database read: it is well-formed and its prefix's row is cached.
   */
  public boolean verifiesInMemory(String key) {
    String prefix = key == null ? null : ApiKeyFormat.prefixOf(key);
    return prefix != null && byPrefix.getIfPresent(prefix) != null;
  }

  private static String prefixOf(String key) {
    String prefix = ApiKeyFormat.prefixOf(key);
    if (prefix == null) {
      throw new CredentialsRejectedException(ErrorCode.API_KEY_INVALID, INVALID)
          .asAuthenticationFailure();
    }
    return prefix;
  }

  private StoredKey check(String key, StoredKey stored) {
    if (stored == null || !hasher.matches(key, stored.secretHash())) {
      throw new CredentialsRejectedException(ErrorCode.API_KEY_INVALID, INVALID)
          .asAuthenticationFailure();
    }
    if (stored.revoked()) {
      throw new CredentialsRejectedException(ErrorCode.API_KEY_REVOKED, REVOKED)
          .asAuthenticationFailure();
    }
    if (!stored.accountActive()) {
      throw new CredentialsRejectedException(ErrorCode.ACCOUNT_INACTIVE, INACTIVE)
          .asAuthenticationFailure();
    }
    return stored;
  }

  /** Drops a key from this instance's cache, after it was revoked or rotated. */
  void forgetKey(String prefix) {
    byPrefix.invalidate(prefix);
  }

  /** Drops every key of an account from this instance's cache, after the account changed. */
  void forgetAccount(UUID accountId) {
    byPrefix.asMap().values().removeIf(key -> key.accountId().equals(accountId));
  }
}
