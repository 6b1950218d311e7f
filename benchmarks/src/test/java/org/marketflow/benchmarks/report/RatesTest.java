package org.marketflow.benchmarks.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RatesTest {

  @Test
  void ratesAreRecordsPerSecondOfWallTime() {
    Rates rates = Rates.of(1_000_000, List.of(Duration.ofSeconds(2), Duration.ofMillis(500)));

    assertThat(rates.perRun()).containsExactly(500_000.0, 2_000_000.0);
  }

  @Test
  void bestIsTheFastestRun() {
    assertThat(new Rates(List.of(3.0, 9.0, 5.0)).best()).isEqualTo(9.0);
  }

  @Test
  void medianOfAnOddNumberOfRunsIsTheMiddleOne() {
    assertThat(new Rates(List.of(3.0, 9.0, 5.0)).median()).isEqualTo(5.0);
  }

  @Test
  void medianOfAnEvenNumberOfRunsIsTheMeanOfTheMiddleTwo() {
    assertThat(new Rates(List.of(4.0, 1.0, 10.0, 6.0)).median()).isCloseTo(5.0, within(1e-9));
  }
}
