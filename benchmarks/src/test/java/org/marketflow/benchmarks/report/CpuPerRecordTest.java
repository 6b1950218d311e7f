package org.marketflow.benchmarks.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CpuPerRecordTest {

  private static final long RECORDS = 2_000_000;

  @Test
  void dividesEachRunsCpuTimeByTheRecordsAndItsWallTime() {
    CpuPerRecord cpu =
        CpuPerRecord.of(
            RECORDS,
            List.of(Duration.ofSeconds(4), Duration.ofSeconds(2), Duration.ofSeconds(3)),
            List.of(Duration.ofSeconds(4), Duration.ofSeconds(1), Duration.ofSeconds(2)),
            2);

    assertThat(cpu.microsPerRun()).containsExactly(2.0, 1.0, 1.5);
    assertThat(cpu.coresBusyPerRun()).containsExactly(1.0, 2.0, 1.5);
    assertThat(cpu.medianMicros()).isEqualTo(1.5);
  }

  @Test
  void theCeilingIsTheCoresOverTheMedianCpuPerRecord() {
    // 1.5 µs a record on 2 cores: 2 / 1.5e-6 records/s.
    CpuPerRecord cpu =
        CpuPerRecord.of(RECORDS, List.of(Duration.ofSeconds(3)), List.of(Duration.ofSeconds(2)), 2);

    assertThat(cpu.ceiling()).isCloseTo(1_333_333.3, within(0.1));
  }

  @Test
  void writesARowWithTheMedianTheCoresBusyAndTheCeiling() {
    StringBuilder out = new StringBuilder();
    CpuPerRecord.appendHeader(out, 1);
    CpuPerRecord.of(RECORDS, List.of(Duration.ofSeconds(3)), List.of(Duration.ofSeconds(2)), 2)
        .appendRow(out, "(b) job");

    String[] lines = out.toString().split("\n");
    assertThat(lines[0].trim().split("\\s{2,}"))
        .containsExactly("CPU µs/update", "run 1", "median", "cores busy", "ceiling/s");
    // The run, the median, the cores busy and the ceiling, each in its column.
    assertThat(lines[1].trim().split("\\s+"))
        .containsExactly("(b)", "job", "1.500", "1.500", "1.50", "1,333,333");
  }
}
