package org.marketflow.api.access;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Stores API keys as HMAC-SHA-256 under a server-side secret (the pepper). A fast keyed hash fits
 * here, unlike for passwords: a key carries 256 random bits, so there is nothing to brute-force
 * that a slow hash (bcrypt, Argon2) would protect, and each request can be verified in about a
 * microsecond. The pepper, kept outside the database, makes a stolen table useless on its own.
 */
public final class ApiKeyHasher {

  private static final String ALGORITHM = "HmacSHA256";

  private final SecretKeySpec pepper;
  // A Mac is not thread-safe, and finding its provider and keying it costs twice the hash itself:
  // one keyed Mac per thread, which doFinal leaves ready for the next key.
  private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

  public ApiKeyHasher(String pepper) {
    this.pepper = new SecretKeySpec(pepper.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    newMac(); // fails at once, not at the first request, if the JDK lacks the algorithm
  }

  /** The 32-byte hash stored for {@code key}. */
  public byte[] hash(String key) {
    return macs.get().doFinal(key.getBytes(StandardCharsets.UTF_8));
  }

  private Mac newMac() {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(pepper);
      return mac;
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HMAC-SHA-256 is unavailable", e);
    }
  }

  /** Whether {@code key} hashes to {@code stored}, in time independent of where they differ. */
  public boolean matches(String key, byte[] stored) {
    return MessageDigest.isEqual(hash(key), stored);
  }
}
