package org.marketflow.jobs.microstructure.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LiquidityScoreTest {

  @Test
  void isTheMidRankAmongTheTrailingValuesOfARandomStream() {
    Random random = new Random(17L);
    LiquidityScore score = new LiquidityScore(60, 5);
    List<Double> trailing = new ArrayList<>();
    for (int minute = 0; minute < 1_000; minute++) {
      // Few distinct values, so that ties are common.
      double total = 1_000_000.0 * (1 + random.nextInt(8));
      double expected = Double.NaN;
      if (trailing.size() >= 5) {
        double below = 0;
        double equal = 0;
        for (double value : trailing) {
          if (value < total) {
            below++;
          } else if (value == total) {
            equal++;
          }
        }
        expected = 100.0 * (below + equal / 2) / trailing.size();
      }
      double actual = score.scoreAndAdd(total);
      if (Double.isNaN(expected)) {
        assertThat(actual).isNaN();
      } else {
        assertThat(actual).isCloseTo(expected, within(1e-9));
      }
      trailing.add(total);
      if (trailing.size() > 60) {
        trailing.remove(0);
      }
    }
    assertThat(score.count).isEqualTo(60);
  }

  @Test
  void scoresTheExtremesAndTies() {
    LiquidityScore score = new LiquidityScore(10, 3);
    score.add(5.0);
    score.add(5.0);
    assertThat(score.score(5.0)).as("below the minimum history").isNaN();
    score.add(5.0);
    assertThat(score.score(5.0)).isEqualTo(50.0);
    assertThat(score.score(6.0)).isEqualTo(100.0);
    assertThat(score.score(4.0)).isZero();
    assertThat(score.score(Double.NaN)).isNaN();
    score.add(Double.NaN);
    assertThat(score.count).as("an undefined value is not recorded").isEqualTo(3);
  }

  @Test
  void rejectsAMinimumHistoryItCouldNeverHold() {
    assertThatThrownBy(() -> new LiquidityScore(10, 11))
        .hasMessage("minHistory 11 is not between 1 and the capacity 10");
  }
}
