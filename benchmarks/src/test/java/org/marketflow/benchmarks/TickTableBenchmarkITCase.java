package org.marketflow.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.marketflow.benchmarks.tables.SinkTable;
import org.marketflow.benchmarks.tables.TableSinkRunner;

/**
 * The tick-table harness on a few rows of each table: proves it works, says nothing about speed.
 */
class TickTableBenchmarkITCase {

  @Test
  void writesEveryTickByCopyByTheJobsSinkAndAgainAsAReplay() throws Exception {
    assertWritesEveryRowThreeWays(SinkTable.MARKET_TICKS);
  }

  @Test
  void writesEveryTradeByCopyByTheArchiveAndAgainAsAReplay() throws Exception {
    assertWritesEveryRowThreeWays(SinkTable.TRADES);
  }

  private static void assertWritesEveryRowThreeWays(SinkTable<?> table) throws Exception {
    TableSinkRunner.Result result = new TableSinkRunner<>(table, 5_000, 20, 2, 1).run();

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
