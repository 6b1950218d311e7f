package org.marketflow.benchmarks.report;

import java.time.Duration;
import java.util.List;

/** Records per second of repeated runs over the same records, and their best and median. */
public record Rates(List<Double> perRun) {

  public Rates {
    if (perRun.isEmpty()) {
      throw new IllegalArgumentException("no runs");
    }
    perRun = List.copyOf(perRun);
  }

  /** {@code records} divided by each run's wall time. */
  public static Rates of(long records, List<Duration> walls) {
    return new Rates(walls.stream().map(wall -> records / seconds(wall)).toList());
  }

  public double best() {
    return perRun.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
  }

  /** The middle rate; with an even number of runs, the mean of the two middle ones. */
  public double median() {
    double[] sorted = perRun.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }

  static double seconds(Duration wall) {
    return wall.toNanos() / 1e9;
  }
}
