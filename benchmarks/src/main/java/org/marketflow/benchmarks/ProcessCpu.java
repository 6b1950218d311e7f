package org.marketflow.benchmarks;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * The CPU time of every thread of this JVM. The broker, the MiniCluster and the raw consumers all
 * run in it, so what it uses during a measurement is the measurement's whole cost: reading, serving
 * the fetches, computing, collecting garbage and compiling.
 */
final class ProcessCpu {

  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  private ProcessCpu() {}

  /** Runs {@code measurement}, adds the CPU time the process used meanwhile to {@code cpu}. */
  static <T> T measure(Callable<T> measurement, List<Duration> cpu) throws Exception {
    long before = OS.getProcessCpuTime();
    T result = measurement.call();
    cpu.add(Duration.ofNanos(OS.getProcessCpuTime() - before));
    return result;
  }
}
