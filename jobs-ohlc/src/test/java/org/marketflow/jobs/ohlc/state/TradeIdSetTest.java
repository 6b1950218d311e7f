package org.marketflow.jobs.ohlc.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** {@link TradeIdSet} against a {@code HashSet<Long>}, on the key sequences venues produce. */
class TradeIdSetTest {

  @Test
  void agreesWithAHashSetOnEveryKindOfKeySequence() {
    Random random = new Random(31);
    for (int round = 0; round < 400; round++) {
      TradeIdSet set = new TradeIdSet();
      Set<Long> expected = new HashSet<>();
      long next =
          switch (round % 4) {
            case 0 -> 3_735_683_259L;
            case 1 -> 0L;
            case 2 -> Long.MAX_VALUE - 5_000;
            default -> random.nextLong();
          };
      int n = 1 + random.nextInt(5_000);
      for (int i = 0; i < n; i++) {
        long key =
            switch (random.nextInt(20)) {
              case 0 -> random.nextLong(); // a hashed string id
              case 1 -> next - 1 - random.nextInt(100); // an earlier trade, maybe a repeat
              case 2 -> next + random.nextInt(1 << 22); // a jump
              case 3 -> Long.MIN_VALUE + random.nextInt(3);
              default -> next++; // the next trade in order
            };
        if (random.nextInt(15) == 0) {
          key = next - 1 - random.nextInt(3); // a repeat of a recent trade
        }
        assertThat(set.add(key)).as("round %d, key %d", round, key).isEqualTo(expected.add(key));
      }
      assertThat(set.size()).isEqualTo(expected.size());
      assertThat(Arrays.stream(set.toLongArray()).boxed().collect(Collectors.toSet()))
          .isEqualTo(expected);
    }
  }

  @Test
  void keepsADenseRunOfIdsAndFindsItsRepeats() {
    TradeIdSet set = new TradeIdSet();
    for (long id = 1_000_000; id < 1_100_000; id++) {
      assertThat(set.add(id)).isTrue();
    }
    assertThat(set.add(1_000_000)).isFalse();
    assertThat(set.add(1_099_999)).isFalse();
    assertThat(set.add(999_999)).isTrue();
    assertThat(set.add(999_999)).isFalse();
    assertThat(set.size()).isEqualTo(100_001);
  }

  @Test
  void aSparseKeyFirstInTheHashSetIsStillFoundOnceTheBitsReachIt() {
    TradeIdSet set = new TradeIdSet();
    set.add(0);
    assertThat(set.add(100_000)).isTrue(); // too far for the bits yet
    for (long id = 1; id < 100_000; id++) {
      set.add(id);
    }
    assertThat(set.add(100_000)).isFalse();
    assertThat(set.add(100_001)).isTrue();
    assertThat(set.size()).isEqualTo(100_002);
  }
}
