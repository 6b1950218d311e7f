package org.marketflow.benchmarks.report;

import java.lang.management.ManagementFactory;
import java.util.List;

/**
 * Where and how the benchmark ran, for the report: figures mean little without the machine.
 *
 * @param command the command as typed ({@code scripts/bench.sh} passes it in {@code
 *     -Dbench.command})
 * @param loadAtStart the one-minute system load average when the run started: on a machine shared
 *     with other work, the figures are only as good as this is low
 * @param loadAtEnd the same when the run ended
 */
public record RunEnvironment(
    String command,
    int availableProcessors,
    String javaVersion,
    String vm,
    long maxHeapBytes,
    List<String> jvmOptions,
    String os,
    double loadAtStart,
    double loadAtEnd) {

  public static final String COMMAND_PROPERTY = "bench.command";

  /** The system's one-minute load average, or a negative value where there is none. */
  public static double loadAverage() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  /**
   * This JVM and machine now, for a run of {@code main} with {@code args} that started at {@code
   * loadAtStart}.
   */
  public static RunEnvironment current(Class<?> main, String[] args, double loadAtStart) {
    String command =
        System.getProperty(
            COMMAND_PROPERTY, "java " + main.getName() + " " + String.join(" ", args));
    return new RunEnvironment(
        command.strip(),
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.runtime.version"),
        System.getProperty("java.vm.name"),
        Runtime.getRuntime().maxMemory(),
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
            .filter(option -> !option.startsWith("-D" + COMMAND_PROPERTY + "="))
            .toList(),
        System.getProperty("os.name")
            + " "
            + System.getProperty("os.version")
            + " "
            + System.getProperty("os.arch"),
        loadAtStart,
        loadAverage());
  }
}
