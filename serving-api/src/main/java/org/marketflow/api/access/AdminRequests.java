package org.marketflow.api.access;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.marketflow.api.error.InvalidParameterException;

/** The bodies and path parameters the admin endpoints take, and their checks (a 400 each). */
final class AdminRequests {

  /** The account type when a new account names none: the default rate-limit tier's. */
  static final String DEFAULT_ACCOUNT_TYPE = "standard";

  static final String ACCOUNT_TYPE_REASON =
      "must be 1-64 lowercase letters, digits, '-' or '_', starting with a letter or digit";

  private static final Pattern ACCOUNT_TYPE = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
  private static final int MAX_NAME = 200;

  private AdminRequests() {}

  /** {@code POST .../admin/accounts}: a display name and an optional account type. */
  record NewAccount(String name, String accountType) {}

  /** {@code POST .../admin/accounts/{accountId}/keys}: the permissions of the new key. */
  record NewKey(List<String> permissions) {}

  static String name(NewAccount body) {
    String name = body == null ? null : body.name();
    if (name == null || name.isBlank() || name.length() > MAX_NAME) {
      throw new InvalidParameterException(
          "name", name, "required; 1-" + MAX_NAME + " characters, not blank");
    }
    return name;
  }

  static String accountType(NewAccount body) {
    String type = body == null ? null : body.accountType();
    if (type == null || type.isEmpty()) {
      return DEFAULT_ACCOUNT_TYPE;
    }
    if (!ACCOUNT_TYPE.matcher(type).matches()) {
      throw new InvalidParameterException("accountType", type, ACCOUNT_TYPE_REASON);
    }
    return type;
  }

  static Set<String> permissions(NewKey body) {
    List<String> names = body == null ? null : body.permissions();
    try {
      return Permissions.of(names);
    } catch (IllegalArgumentException e) {
      return invalid("permissions", names == null ? null : String.join(",", names), e.getMessage());
    }
  }

  static UUID id(String parameter, String raw) {
    try {
      if (raw != null && raw.length() == 36) {
        return UUID.fromString(raw);
      }
    } catch (IllegalArgumentException e) {
      // answered below
    }
    return invalid(parameter, raw, "must be a UUID such as 3f2b9c4e-1d2a-4c5b-9e8f-0a1b2c3d4e5f");
  }

  private static <T> T invalid(String parameter, String value, String reason) {
    throw new InvalidParameterException(parameter, value, reason);
  }
}
