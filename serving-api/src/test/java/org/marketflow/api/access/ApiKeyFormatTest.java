package org.marketflow.api.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
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
    assertThat(hasher.matches(key.substring(0, 63) + "A", stored)).isFalse();
    assertThat(new ApiKeyHasher("pepper-two-0123456789abcdef012345").matches(key, stored))
        .isFalse();
  }
}
