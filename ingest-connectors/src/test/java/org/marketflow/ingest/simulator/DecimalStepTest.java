package org.marketflow.ingest.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DecimalStepTest {

  @Test
  void wholeStepsAreTheDoublesOfTheirDecimals() {
    assertThat(new DecimalStep(0.1).valueOf(7)).isEqualTo(0.7); // 7 * 0.1 is 0.7000000000000001
    assertThat(new DecimalStep(0.05).valueOf(3)).isEqualTo(0.15);
    assertThat(new DecimalStep(0.01).valueOf(58)).isEqualTo(0.58);
    assertThat(new DecimalStep(0.0001).valueOf(3741)).isEqualTo(0.3741);
    assertThat(new DecimalStep(10).valueOf(6_000)).isEqualTo(60_000.0);
  }

  @Test
  void countsTheNearestWholeSteps() {
    assertThat(new DecimalStep(0.01).unitsOf(0.58)).isEqualTo(58);
    assertThat(new DecimalStep(0.5).unitsOf(100.3)).isEqualTo(201);
  }

  @Test
  void refusesAStepThatIsNotAPositiveDecimal() {
    assertThatThrownBy(() -> DecimalStep.check("tick", 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("tick must be positive and finite, not 0.0");
    assertThatThrownBy(() -> DecimalStep.check("lot", 1e-20))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("lot must be a decimal of at most 15 digits and scale, not 1.0E-20");
  }
}
