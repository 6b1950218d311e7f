package org.marketflow.api.access;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.marketflow.api.common.Times;
import org.marketflow.api.persistence.DataAccessException;

/**
 * The tables {@code api_accounts}, {@code api_keys} and {@code api_audit_log} (migration V5), with
 * plain JDBC. Every change runs in one transaction with its audit row, so an admin action is never
 * applied without being logged.
 */
@ApplicationScoped
public class AccessStore {

  private static final String KEY_COLUMNS =
      "key_id, account_id, prefix, permissions, status, created_at, revoked_at, rotated_at,"
          + " replaced_by";

  private final DataSource dataSource;
  private final ObjectMapper json;

  public AccessStore(DataSource dataSource, ObjectMapper json) {
    this.dataSource = dataSource;
    this.json = json;
  }

  /** A unit of work in one transaction. */
  @FunctionalInterface
  interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  /** Runs {@code work} in a transaction: committed when it returns, rolled back when it throws. */
  <T> T inTransaction(String what, Work<T> work) {
    Connection connection;
    try {
      connection = dataSource.getConnection();
    } catch (SQLException e) {
      throw new DataAccessException("cannot connect to the database", e, true);
    }
    try (connection) {
      connection.setAutoCommit(false);
      try {
        T result = work.run(connection);
        connection.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new DataAccessException(
          "cannot " + what, e, DataAccessException.isConnectionFailure(e));
    }
  }

  Account insertAccount(Connection c, String name, String accountType) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO api_accounts (account_id, name, account_type) VALUES (?, ?, ?)"
                + " RETURNING account_id, name, account_type, active, created_at")) {
      s.setObject(1, UUID.randomUUID());
      s.setString(2, name);
      s.setString(3, accountType);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return account(rs);
      }
    }
  }

  Optional<Account> updateAccountActive(Connection c, UUID accountId, boolean active)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "UPDATE api_accounts SET active = ? WHERE account_id = ?"
                + " RETURNING account_id, name, account_type, active, created_at")) {
      s.setBoolean(1, active);
      s.setObject(2, accountId);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? Optional.of(account(rs)) : Optional.empty();
      }
    }
  }

  Optional<Account> findAccount(Connection c, UUID accountId) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT account_id, name, account_type, active, created_at FROM api_accounts"
                + " WHERE account_id = ?")) {
      s.setObject(1, accountId);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? Optional.of(account(rs)) : Optional.empty();
      }
    }
  }

  ApiKeyView insertKey(
      Connection c, UUID accountId, String prefix, byte[] hash, Set<String> permissions)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO api_keys (key_id, account_id, prefix, secret_hash, permissions)"
                + " VALUES (?, ?, ?, ?, ?) RETURNING "
                + KEY_COLUMNS)) {
      s.setObject(1, UUID.randomUUID());
      s.setObject(2, accountId);
      s.setString(3, prefix);
      s.setBytes(4, hash);
      s.setArray(5, c.createArrayOf("text", ordered(permissions).toArray()));
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return key(rs);
      }
    }
  }

  /** The key, locked until the transaction ends so that two rotations cannot both succeed. */
  Optional<ApiKeyView> findKeyForUpdate(Connection c, UUID keyId) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT " + KEY_COLUMNS + " FROM api_keys WHERE key_id = ? FOR UPDATE")) {
      s.setObject(1, keyId);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? Optional.of(key(rs)) : Optional.empty();
      }
    }
  }

  /** Marks an active key revoked (and rotated, with its successor, when {@code replacedBy}). */
  ApiKeyView revokeKey(Connection c, UUID keyId, UUID replacedBy) throws SQLException {
    String rotated = replacedBy == null ? "" : ", rotated_at = now(), replaced_by = ?";
    try (PreparedStatement s =
        c.prepareStatement(
            "UPDATE api_keys SET status = 'revoked', revoked_at = now()"
                + rotated
                + " WHERE key_id = ? RETURNING "
                + KEY_COLUMNS)) {
      int i = 1;
      if (replacedBy != null) {
        s.setObject(i++, replacedBy);
      }
      s.setObject(i, keyId);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return key(rs);
      }
    }
  }

  List<ApiKeyView> listKeys(Connection c, UUID accountId) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT "
                + KEY_COLUMNS
                + " FROM api_keys WHERE account_id = ? ORDER BY created_at, key_id")) {
      s.setObject(1, accountId);
      List<ApiKeyView> keys = new ArrayList<>();
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          keys.add(key(rs));
        }
      }
      return keys;
    }
  }

  Optional<StoredKey> findByPrefix(Connection c, String prefix) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT k.key_id, k.prefix, k.secret_hash, k.permissions, k.status, a.account_id,"
                + " a.account_type, a.active FROM api_keys k JOIN api_accounts a USING"
                + " (account_id) WHERE k.prefix = ?")) {
      s.setString(1, prefix);
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(
            new StoredKey(
                rs.getObject("key_id", UUID.class),
                rs.getString("prefix"),
                rs.getBytes("secret_hash"),
                Set.copyOf(permissions(rs)),
                ApiKeyView.REVOKED.equals(rs.getString("status")),
                rs.getObject("account_id", UUID.class),
                rs.getString("account_type"),
                rs.getBoolean("active")));
      }
    }
  }

  /** Appends one row to {@code api_audit_log}; {@code actorKeyId} null for the service itself. */
  void audit(
      Connection c,
      UUID actorKeyId,
      String action,
      String targetType,
      Object targetId,
      Map<String, ?> details)
      throws SQLException {
    String detailsJson;
    try {
      detailsJson = json.writeValueAsString(details);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("audit details are not serializable: " + details, e);
    }
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO api_audit_log (actor_key_id, action, target_type, target_id, details)"
                + " VALUES (?, ?, ?, ?, ?::jsonb)")) {
      s.setObject(1, actorKeyId);
      s.setString(2, action);
      s.setString(3, targetType);
      s.setString(4, String.valueOf(targetId));
      s.setString(5, detailsJson);
      s.executeUpdate();
    }
  }

  /**
   * Up to {@code rows} entries of {@code api_audit_log} that match {@code query}, newest first. An
   * account's entries are those whose target is the account or one of its keys (keys are never
   * deleted, so {@code api_keys} knows every key an entry can name).
   */
  List<AuditLogPage.Entry> auditLog(Connection c, AuditQuery query, int rows) throws SQLException {
    StringBuilder sql =
        new StringBuilder(
            "SELECT audit_id, actor_key_id, action, target_type, target_id, details::text AS"
                + " details, created_at FROM api_audit_log WHERE TRUE");
    List<Object> values = new ArrayList<>();
    if (query.accountId() != null) {
      sql.append(
          " AND ((target_type = 'account' AND target_id = ?) OR (target_type = 'key' AND"
              + " target_id IN (SELECT key_id::text FROM api_keys WHERE account_id = ?)))");
      values.add(query.accountId().toString());
      values.add(query.accountId());
    }
    if (query.startTime() != null) {
      sql.append(" AND created_at >= ?");
      values.add(Times.utc(query.startTime()));
    }
    if (query.endTime() != null) {
      sql.append(" AND created_at < ?");
      values.add(Times.utc(query.endTime()));
    }
    if (query.beforeAuditId() != null) {
      sql.append(" AND audit_id < ?");
      values.add(query.beforeAuditId());
    }
    sql.append(" ORDER BY audit_id DESC LIMIT ?");
    values.add(rows);
    try (PreparedStatement s = c.prepareStatement(sql.toString())) {
      for (int i = 0; i < values.size(); i++) {
        s.setObject(i + 1, values.get(i));
      }
      List<AuditLogPage.Entry> entries = new ArrayList<>();
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          entries.add(
              new AuditLogPage.Entry(
                  rs.getLong("audit_id"),
                  instant(rs, "created_at"),
                  rs.getString("action"),
                  rs.getString("target_type"),
                  rs.getString("target_id"),
                  rs.getObject("actor_key_id", UUID.class),
                  details(rs.getString("details"))));
        }
      }
      return entries;
    }
  }

  private JsonNode details(String text) throws SQLException {
    try {
      return json.readTree(text);
    } catch (JsonProcessingException e) {
      throw new SQLException("api_audit_log.details is not JSON: " + e.getMessage(), e);
    }
  }

  /** In the order of {@link Permissions#ALL}, so that lists read the same everywhere. */
  static List<String> ordered(Set<String> permissions) {
    return Permissions.ALL.stream().filter(permissions::contains).toList();
  }

  private static Account account(ResultSet rs) throws SQLException {
    return new Account(
        rs.getObject("account_id", UUID.class),
        rs.getString("name"),
        rs.getString("account_type"),
        rs.getBoolean("active"),
        instant(rs, "created_at"));
  }

  private static ApiKeyView key(ResultSet rs) throws SQLException {
    return new ApiKeyView(
        rs.getObject("key_id", UUID.class),
        rs.getObject("account_id", UUID.class),
        rs.getString("prefix"),
        ordered(Set.copyOf(permissions(rs))),
        rs.getString("status"),
        instant(rs, "created_at"),
        instant(rs, "revoked_at"),
        instant(rs, "rotated_at"),
        rs.getObject("replaced_by", UUID.class));
  }

  private static List<String> permissions(ResultSet rs) throws SQLException {
    Array array = rs.getArray("permissions");
    try {
      return Arrays.asList((String[]) array.getArray());
    } finally {
      array.free();
    }
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }
}
