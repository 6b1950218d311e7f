package org.marketflow.testing.servers;

import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/** Unique, valid names for per-test resources (topics, databases, key prefixes, labels). */
final class UniqueNames {

  private UniqueNames() {}

  /**
   * Returns {@code prefix + separator + 8 random hex chars}, with the prefix cut down to the
   * characters in {@code allowed} and to {@code maxLength} in total.
   */
  static String unique(String prefix, char separator, String allowedRegexClass, int maxLength) {
    String suffix = separator + randomHex();
    String cleaned = prefix == null ? "" : prefix.replaceAll("[^" + allowedRegexClass + "]", "_");
    if (cleaned.isEmpty()) {
      cleaned = "t";
    }
    int room = maxLength - suffix.length();
    if (cleaned.length() > room) {
      cleaned = cleaned.substring(0, room);
    }
    return cleaned + suffix;
  }

  /** A PostgreSQL identifier that needs no quoting: lowercase, starts with a letter, 63 max. */
  static String postgresIdentifier(String prefix) {
    String lower = prefix == null ? "" : prefix.toLowerCase(Locale.ROOT);
    if (lower.isEmpty() || !Character.isLetter(lower.charAt(0)) || lower.charAt(0) > 'z') {
      lower = "db_" + lower;
    }
    return unique(lower, '_', "a-z0-9_", 63);
  }

  private static String randomHex() {
    return String.format("%08x", ThreadLocalRandom.current().nextInt());
  }
}
