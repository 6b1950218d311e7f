package org.marketflow.jobs.microstructure.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TimeWeightedSpreadTest {

  @Test
  void weighsEachSpreadByHowLongItStoodAndSkipsOneSidedTime() {
    TimeWeightedSpread spread = new TimeWeightedSpread();
    spread.open(0);
    spread.onQuote(100_000, 10.0); // nothing before: no quote
    spread.onQuote(400_000, Double.NaN); // 300 ms at 10
    spread.onQuote(500_000, 20.0); // 100 ms one-sided
    assertThat(spread.close(1_000_000)).isEqualTo((10.0 * 300 + 20.0 * 500) / 800);
  }

  @Test
  void theSpreadInForceCarriesIntoTheNextIntervalFromItsStart() {
    TimeWeightedSpread spread = new TimeWeightedSpread();
    spread.open(0);
    spread.onQuote(500_000, 10.0);
    spread.close(1_000_000);
    spread.open(5_000_000); // seconds 1-4 had no event
    spread.onQuote(5_250_000, 30.0);
    assertThat(spread.close(6_000_000)).isEqualTo((10.0 * 250 + 30.0 * 750) / 1_000);
  }

  @Test
  void isUndefinedForAnIntervalNeverTwoSided() {
    TimeWeightedSpread spread = new TimeWeightedSpread();
    spread.open(0);
    assertThat(spread.close(1_000_000)).isNaN();
  }
}
