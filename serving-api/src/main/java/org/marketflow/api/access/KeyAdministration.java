package org.marketflow.api.access;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.marketflow.api.error.ApiException;
import org.marketflow.api.error.ErrorCode;

/**
 * The admin actions on accounts and keys. Each runs in one transaction with its row in {@code
 * api_audit_log} ({@code actor} is the admin key that acted, {@code null} for the start-up
 * bootstrap), and drops what it changed from this instance's {@link KeyVerifier} cache.
 */
@ApplicationScoped
public class KeyAdministration {

  /** The {@code action} values of the audit log. */
  static final String CREATE_ACCOUNT = "account.create";

  static final String ACTIVATE_ACCOUNT = "account.activate";
  static final String DEACTIVATE_ACCOUNT = "account.deactivate";
  static final String CREATE_KEY = "key.create";
  static final String ROTATE_KEY = "key.rotate";
  static final String REVOKE_KEY = "key.revoke";

  private final AccessStore store;
  private final KeyVerifier verifier;

  public KeyAdministration(AccessStore store, KeyVerifier verifier) {
    this.store = store;
    this.verifier = verifier;
  }

  public Account createAccount(UUID actor, String name, String accountType) {
    return store.inTransaction(
        "create an account",
        c -> {
          Account account = store.insertAccount(c, name, accountType);
          store.audit(
              c,
              actor,
              CREATE_ACCOUNT,
              "account",
              account.accountId(),
              Map.of("name", name, "accountType", accountType));
          return account;
        });
  }

  public Account setAccountActive(UUID actor, UUID accountId, boolean active) {
    Account account =
        store.inTransaction(
            "change an account",
            c -> {
              Account changed =
                  store
                      .updateAccountActive(c, accountId, active)
                      .orElseThrow(() -> accountNotFound(accountId));
              store.audit(
                  c,
                  actor,
                  active ? ACTIVATE_ACCOUNT : DEACTIVATE_ACCOUNT,
                  "account",
                  accountId,
                  Map.of());
              return changed;
            });
    verifier.forgetAccount(accountId);
    return account;
  }

  public CreatedKey createKey(UUID actor, UUID accountId, Set<String> permissions) {
    return store.inTransaction(
        "create an API key",
        c -> {
          store.findAccount(c, accountId).orElseThrow(() -> accountNotFound(accountId));
          CreatedKey created = newKey(c, accountId, permissions);
          store.audit(
              c,
              actor,
              CREATE_KEY,
              "key",
              created.key().keyId(),
              Map.of(
                  "accountId", accountId,
                  "prefix", created.key().prefix(),
                  "permissions", created.key().permissions()));
          return created;
        });
  }

  public List<ApiKeyView> listKeys(UUID accountId) {
    return store.inTransaction(
        "list API keys",
        c -> {
          store.findAccount(c, accountId).orElseThrow(() -> accountNotFound(accountId));
          return store.listKeys(c, accountId);
        });
  }

  /** A new key with the old one's account and permissions; the old one is revoked. */
  public CreatedKey rotateKey(UUID actor, UUID keyId) {
    CreatedKey created =
        store.inTransaction(
            "rotate an API key",
            c -> {
              ApiKeyView old = activeKey(c, keyId);
              CreatedKey successor = newKey(c, old.accountId(), Set.copyOf(old.permissions()));
              store.revokeKey(c, keyId, successor.key().keyId());
              store.audit(
                  c,
                  actor,
                  ROTATE_KEY,
                  "key",
                  keyId,
                  Map.of(
                      "oldPrefix", old.prefix(),
                      "newKeyId", successor.key().keyId(),
                      "newPrefix", successor.key().prefix()));
              verifier.forgetKey(old.prefix());
              return successor;
            });
    return created;
  }

  public ApiKeyView revokeKey(UUID actor, UUID keyId) {
    ApiKeyView revoked =
        store.inTransaction(
            "revoke an API key",
            c -> {
              ApiKeyView old = activeKey(c, keyId);
              ApiKeyView after = store.revokeKey(c, keyId, null);
              store.audit(c, actor, REVOKE_KEY, "key", keyId, Map.of("prefix", old.prefix()));
              return after;
            });
    verifier.forgetKey(revoked.prefix());
    return revoked;
  }

  /** A page of the audit log, and the cursor of the next when there are more entries. */
  public AuditLogPage auditLog(AuditQuery query) {
    List<AuditLogPage.Entry> entries =
        store.inTransaction("read the audit log", c -> store.auditLog(c, query, query.limit() + 1));
    String next = null;
    if (entries.size() > query.limit()) {
      entries = entries.subList(0, query.limit());
      next = AuditQuery.cursorAfter(entries.get(entries.size() - 1).auditId());
    }
    return new AuditLogPage(entries.size(), next, List.copyOf(entries));
  }

  /** Whether {@code key} is a valid key with the admin permission. */
  boolean isAdminKey(String key) {
    if (key == null) {
      return false;
    }
    try {
      return verifier.verify(key).permissions().contains(Permissions.ADMIN);
    } catch (io.quarkus.security.AuthenticationFailedException invalid) {
      return false;
    }
  }

  private CreatedKey newKey(Connection c, UUID accountId, Set<String> permissions)
      throws SQLException {
    String key = ApiKeyFormat.newKey();
    ApiKeyView view =
        store.insertKey(
            c, accountId, ApiKeyFormat.prefixOf(key), verifier.hasher().hash(key), permissions);
    return new CreatedKey(key, view);
  }

  private ApiKeyView activeKey(Connection c, UUID keyId) throws SQLException {
    ApiKeyView key =
        store
            .findKeyForUpdate(c, keyId)
            .orElseThrow(
                () ->
                    new ApiException(
                        ErrorCode.NOT_FOUND, "No such API key", Map.of("keyId", keyId)));
    if (!ApiKeyView.ACTIVE.equals(key.status())) {
      throw new ApiException(
          ErrorCode.CONFLICT, "The API key is already revoked", Map.of("keyId", keyId));
    }
    return key;
  }

  private static ApiException accountNotFound(UUID accountId) {
    return new ApiException(ErrorCode.NOT_FOUND, "No such account", Map.of("accountId", accountId));
  }
}
