package org.marketflow.api.access;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shape of an API key: {@code mfk_<prefix>_<secret>}, 64 characters. The prefix (16 hex digits,
 * 64 random bits) is not secret: it finds the key's row and names the key in lists and logs. The
 * secret is 32 bytes (256 bits) from {@link SecureRandom}, base64url without padding (43
 * characters).
 */
public final class ApiKeyFormat {

  /** What every key starts with, so that a leaked key is easy to recognize and scan for. */
  public static final String SCHEME = "mfk_";

  static final int PREFIX_BYTES = 8;
  static final int SECRET_BYTES = 32;

  private static final Pattern KEY =
      Pattern.compile("mfk_([0-9a-f]{" + 2 * PREFIX_BYTES + "})_[A-Za-z0-9_-]{43}");

  private static final SecureRandom RANDOM = new SecureRandom();

  private ApiKeyFormat() {}

  /** A new random key. */
  public static String newKey() {
    byte[] prefix = new byte[PREFIX_BYTES];
    byte[] secret = new byte[SECRET_BYTES];
    RANDOM.nextBytes(prefix);
    RANDOM.nextBytes(secret);
    return SCHEME
        + HexFormat.of().formatHex(prefix)
        + '_'
        + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
  }

  /** The prefix of a well-formed key, or {@code null} when {@code key} is not one. */
  public static String prefixOf(String key) {
    if (key == null || key.length() != 64) {
      return null;
    }
    Matcher matcher = KEY.matcher(key);
    return matcher.matches() ? matcher.group(1) : null;
  }
}
