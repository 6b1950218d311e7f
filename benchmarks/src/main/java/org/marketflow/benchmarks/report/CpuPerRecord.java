package org.marketflow.benchmarks.report;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One measurement's CPU cost per record over its runs: the process's CPU time divided by the
 * records, the cores it kept busy (CPU time over wall time), and the rate it would reach if every
 * core did nothing else (cores / CPU per record): the most that measurement can do on the machine.
 */
record CpuPerRecord(List<Double> microsPerRun, List<Double> coresBusyPerRun, int cores) {

  static CpuPerRecord of(long records, List<Duration> cpu, List<Duration> walls, int cores) {
    List<Double> micros = new ArrayList<>();
    List<Double> busy = new ArrayList<>();
    for (int i = 0; i < cpu.size(); i++) {
      micros.add(cpu.get(i).toNanos() / 1e3 / records);
      busy.add((double) cpu.get(i).toNanos() / walls.get(i).toNanos());
    }
    return new CpuPerRecord(micros, busy, cores);
  }

  double medianMicros() {
    return new Rates(microsPerRun).median();
  }

  /** Records/s if the machine's cores did only this, at the median CPU per record. */
  double ceiling() {
    return cores * 1e6 / medianMicros();
  }

  /** "(b) name 1.234 1.180 … median cores busy ceiling". */
  void appendRow(StringBuilder out, String name) {
    out.append(String.format(Locale.ROOT, "%-34s", name));
    for (double micros : microsPerRun) {
      out.append(String.format(Locale.ROOT, "%12.3f", micros));
    }
    out.append(
        String.format(
            Locale.ROOT,
            "%12.3f%12.2f%12s%n",
            medianMicros(),
            new Rates(coresBusyPerRun).median(),
            BenchmarkReport.count(Math.round(ceiling()))));
  }

  /** The table's heads: each run, the median, the cores busy and the ceiling. */
  static void appendHeader(StringBuilder out, int runs) {
    out.append(String.format(Locale.ROOT, "%-34s", "CPU µs/update"));
    for (int run = 1; run <= runs; run++) {
      out.append(String.format(Locale.ROOT, "%12s", "run " + run));
    }
    out.append(String.format(Locale.ROOT, "%12s%12s%12s%n", "median", "cores busy", "ceiling/s"));
  }
}
