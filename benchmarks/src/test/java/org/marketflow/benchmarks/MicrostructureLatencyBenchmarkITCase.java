package org.marketflow.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.marketflow.benchmarks.latency.LatencyOptions;
import org.marketflow.benchmarks.latency.LatencyResult;
import org.marketflow.benchmarks.latency.LatencyRunner;
import org.marketflow.benchmarks.report.LatencyReport;
import org.marketflow.benchmarks.report.RunEnvironment;
import org.marketflow.testing.servers.LocalRedis;

/** The latency harness at a low rate for a few seconds: proves it works, says nothing of speed. */
class MicrostructureLatencyBenchmarkITCase {

  private static LatencyResult result;

  @BeforeAll
  static void runTheHarness() throws Exception {
    result =
        new LatencyRunner(
                new LatencyOptions(
                    1_000,
                    Duration.ofSeconds(2),
                    Duration.ofSeconds(5),
                    4,
                    2,
                    2,
                    LocalRedis.shared().uri(),
                    Duration.ZERO,
                    Duration.ofMillis(1),
                    Duration.ofMillis(1),
                    Duration.ofMillis(1),
                    DeliveryGuarantee.EXACTLY_ONCE,
                    Duration.ZERO))
            .run();
  }

  @Test
  void measuresTheTickOfEveryBookUpdateThatMovedTheTopOfItsBook() {
    assertThat(result.problems()).isEmpty();
    assertThat(result.achievedRate()).isBetween(980.0, 1_020.0);
    // The simulator moves the top of a book with about half its updates: 5 s at 1,000/s.
    assertThat(result.latencies().all().getTotalCount()).isBetween(1_000L, 5_000L);
    assertThat(result.latencies().slices()).hasSize(1);
    assertThat(result.latencies().unmatched()).isZero();
    assertThat(result.latencies().all().getValueAtPercentile(50)).isPositive();
  }

  @Test
  void reportsThePercentiles() {
    String report =
        LatencyReport.format(
            result, RunEnvironment.current(MicrostructureLatencyBenchmark.class, new String[0], 0));

    assertThat(report)
        .contains("measured window", "p99", "Check         OK")
        .doesNotContain("FAILED");
  }
}
