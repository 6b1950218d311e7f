package org.marketflow.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.marketflow.benchmarks.tables.TickTableRunner;

/** The tick-table harness on a few rows: proves it works, says nothing about speed. */
class TickTableBenchmarkITCase {

  @Test
  void writesEveryTickByCopyByTheJobsSinkAndAgainAsAReplay() throws Exception {
    TickTableRunner.Result result = new TickTableRunner(5_000, 20, 2, 1).run();

    assertThat(result.rows()).isEqualTo(5_000);
    assertThat(result.batchSize()).isEqualTo(500);
    assertThat(result.runs())
        .singleElement()
        .satisfies(
            run -> {
              assertThat(run.copy()).isPositive();
              assertThat(run.insert()).isPositive();
              assertThat(run.replay()).isPositive();
            });
  }
}
