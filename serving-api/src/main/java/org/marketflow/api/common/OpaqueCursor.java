package org.marketflow.api.common;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.marketflow.api.error.InvalidParameterException;

/**
 * The text of a pagination cursor: a kind tag and a few fields, each URL-encoded (so no field can
 * hold the separator) and joined by a newline, then encoded as base64url without padding, so
 * clients treat it as an opaque token and it travels unencoded in a query string. It carries a
 * position only, never a secret: a forged cursor can only move a client within data it may read
 * anyway.
 */
public final class OpaqueCursor {

  /** Longer than any cursor this service writes; anything longer is rejected before decoding. */
  static final int MAX_LENGTH = 1_024;

  public static final String REASON = "not a cursor returned by this endpoint";

  private static final char SEPARATOR = '\n';

  private OpaqueCursor() {}

  /** Encodes {@code kind} and {@code fields}. */
  public static String encode(String kind, List<String> fields) {
    StringBuilder text = new StringBuilder(kind);
    for (String field : fields) {
      text.append(SEPARATOR).append(URLEncoder.encode(field, StandardCharsets.UTF_8));
    }
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(text.toString().getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Decodes a cursor of {@code kind} with exactly {@code fieldCount} fields.
   *
   * @throws InvalidParameterException naming {@code parameter} when {@code raw} is not such a
   *     cursor
   */
  public static List<String> decode(String parameter, String raw, String kind, int fieldCount) {
    if (raw.length() > MAX_LENGTH) {
      throw new InvalidParameterException(parameter, raw, REASON);
    }
    String text;
    try {
      text = new String(Base64.getUrlDecoder().decode(raw), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new InvalidParameterException(parameter, raw, REASON);
    }
    String[] parts = text.split(String.valueOf(SEPARATOR), -1);
    if (parts.length != fieldCount + 1 || !parts[0].equals(kind)) {
      throw new InvalidParameterException(parameter, raw, REASON);
    }
    List<String> fields = new ArrayList<>(fieldCount);
    try {
      for (int i = 1; i < parts.length; i++) {
        fields.add(URLDecoder.decode(parts[i], StandardCharsets.UTF_8));
      }
    } catch (IllegalArgumentException e) {
      throw new InvalidParameterException(parameter, raw, REASON);
    }
    // No id this service writes holds a control character; PostgreSQL refuses a NUL in text.
    if (fields.stream().anyMatch(f -> f.chars().anyMatch(Character::isISOControl))) {
      throw new InvalidParameterException(parameter, raw, REASON);
    }
    return fields;
  }

  /**
   * A field of epoch microseconds, within the times a query accepts (years 0001 to 9999, which
   * PostgreSQL stores), else the cursor is rejected.
   */
  public static Instant timeField(String parameter, String raw, String field) {
    Instant time;
    try {
      time = Times.ofMicros(Long.parseLong(field));
    } catch (NumberFormatException e) {
      throw new InvalidParameterException(parameter, raw, REASON);
    }
    if (time.isBefore(QueryParameters.MIN_TIME) || !time.isBefore(QueryParameters.MAX_TIME)) {
      throw new InvalidParameterException(parameter, raw, REASON);
    }
    return time;
  }
}
