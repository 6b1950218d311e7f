package org.marketflow.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.marketflow.benchmarks.flink.MicrostructureRun;
import org.marketflow.benchmarks.flink.PlainBookJob;
import org.marketflow.benchmarks.flink.ShuffleFloorJob;
import org.marketflow.benchmarks.kafka.RawTopicReader;
import org.marketflow.benchmarks.report.MicrostructureReport;
import org.marketflow.benchmarks.report.RunEnvironment;

/** The whole harness on a small topic: proves it works, says nothing about speed. */
class MicrostructureBenchmarkITCase {

  private static final long UPDATES = 20_000;
  private static final int INSTRUMENTS = 20;
  private static final MicrostructureBenchmarkOptions OPTIONS =
      new MicrostructureBenchmarkOptions(UPDATES, INSTRUMENTS, 2, 2, 2, 1_000, null);

  private static MicrostructureBenchmarkResult result;

  @BeforeAll
  static void runTheHarness() throws Exception {
    result = new MicrostructureBenchmarkRunner(OPTIONS).run();
  }

  @Test
  void everyUpdateIsReadByTheRawConsumersInEveryRun() {
    assertThat(result.raw()).hasSize(2);
    assertThat(result.raw()).extracting(RawTopicReader.Read::records).containsOnly(UPDATES);
    assertThat(result.raw()).allSatisfy(read -> assertThat(read.wall()).isPositive());
  }

  @Test
  void theJobAppliesEveryUpdateAndClosesEverySecondOfEveryBook() {
    assertThat(result.job()).hasSize(2);
    assertThat(result.job()).extracting(MicrostructureRun::deadLetters).containsOnly(0L);
    assertThat(result.microstructureSeconds()).isGreaterThan(INSTRUMENTS);
    assertThat(result.job())
        .extracting(MicrostructureRun::microstructure)
        .containsOnly(result.microstructureSeconds());
    assertThat(result.job().get(0).ticks()).isPositive();
    assertThat(result.problems()).isEmpty();
  }

  @Test
  void thePlainMapStateBookAppliesEveryUpdateInEveryRun() {
    assertThat(result.plain()).hasSize(2);
    assertThat(result.plain()).extracting(PlainBookJob.BookRun::updates).containsOnly(UPDATES);
  }

  @Test
  void theShuffleFloorCountsEveryUpdateInEveryRun() {
    assertThat(result.floor()).hasSize(2);
    assertThat(result.floor()).extracting(ShuffleFloorJob.FloorRun::records).containsOnly(UPDATES);
    assertThat(result.decodingFloor())
        .extracting(ShuffleFloorJob.FloorRun::records)
        .containsOnly(UPDATES);
  }

  @Test
  void measuresTheProcessCpuOfEveryRunOfEveryMeasurement() {
    MicrostructureBenchmarkResult.CpuTimes cpu = result.cpu();
    for (var runs : List.of(cpu.raw(), cpu.job(), cpu.plain(), cpu.floor(), cpu.decodingFloor())) {
      assertThat(runs).hasSize(2).allSatisfy(time -> assertThat(time).isPositive());
    }
  }

  @Test
  void measuresTheStateOfEachFinalBook() {
    assertThat(result.stateBytes().books()).isEqualTo(INSTRUMENTS);
    // 10 bytes a book and 16 a level: at least one level a side.
    assertThat(result.stateBytes().max()).isGreaterThanOrEqualTo(42);
    assertThat(result.stateBytes().mean()).isLessThanOrEqualTo(result.stateBytes().max());
  }

  @Test
  void reportsTheAgreement() {
    String report =
        MicrostructureReport.format(
            result, RunEnvironment.current(MicrostructureBenchmark.class, new String[0], 0));

    assertThat(report)
        .contains("Check         OK")
        .contains("CPU µs/update", "(b) ceiling")
        .doesNotContain("FAILED");
  }
}
