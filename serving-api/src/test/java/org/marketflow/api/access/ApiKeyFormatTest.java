package org.marketflow.api.access;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class ApiKeyFormatTest {

  @Test
  void aNewKeyIsSixtyFourCharactersWithItsPrefix() {
    String key = ApiKeyFormat.newKey();

    assertThat(key).hasSize(64).startsWith("mfk_").matches("mfk_[0-9a-f]{16}_[A-Za-z0-9_-]{43}");
    assertThat(ApiKeyFormat.prefixOf(key)).isEqualTo(key.substring(4, 20));
  }

  @Test
  void keysAndPrefixesDoNotRepeat() {
    Set<String> prefixes = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      prefixes.add(ApiKeyFormat.prefixOf(ApiKeyFormat.newKey()));
    }

    assertThat(prefixes).hasSize(10_000);
  }

  @Test
  void anythingElseHasNoPrefix() {
    String key = ApiKeyFormat.newKey();

    assertThat(ApiKeyFormat.prefixOf(null)).isNull();
    assertThat(ApiKeyFormat.prefixOf("")).isNull();
    assertThat(ApiKeyFormat.prefixOf(key + "x")).isNull();
    assertThat(ApiKeyFormat.prefixOf("mfk_" + "G".repeat(16) + key.substring(20))).isNull();
    assertThat(ApiKeyFormat.prefixOf(key.replace("mfk_", "xyz_"))).isNull();
    assertThat(ApiKeyFormat.prefixOf(key.substring(0, 63) + "\n")).isNull();
  }

  @Test
  void theHashIsKeyedByThePepperAndComparedWhole() {
    String key = ApiKeyFormat.newKey();
    ApiKeyHasher hasher = new ApiKeyHasher("pepper-one-0123456789abcdef012345");
    byte[] stored = hasher.hash(key);

    assertThat(stored).hasSize(32);
    assertThat(hasher.matches(key, stored)).isTrue();
    // The last character changed, to another one whatever it was.
    String lastChanged = key.substring(0, 63) + (key.charAt(63) == 'A' ? 'B' : 'A');
    assertThat(hasher.matches(lastChanged, stored)).isFalse();
    assertThat(new ApiKeyHasher("pepper-two-0123456789abcdef012345").matches(key, stored))
        .isFalse();
  }

  /** Each thread's reused Mac gives, hash after hash, what a fresh HMAC-SHA-256 gives. */
  @Test
  void theHashIsTheHmacOfTheKeyOnEveryThreadAndEveryCall() throws Exception {
    String pepper = "pepper-one-0123456789abcdef012345";
    ApiKeyHasher hasher = new ApiKeyHasher(pepper);
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        results.add(
            threads.submit(
                () -> {
                  String key = ApiKeyFormat.newKey();
                  Mac fresh = Mac.getInstance("HmacSHA256");
                  fresh.init(new SecretKeySpec(pepper.getBytes(UTF_8), "HmacSHA256"));
                  return Arrays.equals(hasher.hash(key), fresh.doFinal(key.getBytes(UTF_8)));
                }));
      }
      for (Future<Boolean> result : results) {
        assertThat(result.get(10, TimeUnit.SECONDS)).isTrue();
      }
    } finally {
      threads.shutdownNow();
    }
  }
}
