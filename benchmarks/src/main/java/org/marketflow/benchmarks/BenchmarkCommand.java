package org.marketflow.benchmarks;

import java.util.List;
import java.util.function.Function;
import org.marketflow.benchmarks.report.RunEnvironment;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** Runs a benchmark's picocli command: a bad option prints its message and the usage. */
final class BenchmarkCommand {

  private BenchmarkCommand() {}

  /** The exit code of {@code command} on {@code args}. */
  static int execute(Object command, String[] args) {
    CommandLine commandLine =
        new CommandLine(command)
            .setExecutionExceptionHandler(
                (e, cmd, parsed) -> {
                  if (e instanceof IllegalArgumentException) {
                    cmd.getErr().println(cmd.getColorScheme().errorText(e.getMessage()));
                    cmd.usage(cmd.getErr());
                    return cmd.getCommandSpec().exitCodeOnInvalidInput();
                  }
                  throw e;
                });
    return commandLine.execute(args);
  }

  /**
   * Prints the report of a finished run to stdout (logs go to stderr) and gives the exit code: 1
   * when the run found {@code problems}.
   */
  static int finish(
      CommandSpec spec,
      double loadAtStart,
      Function<RunEnvironment, String> report,
      List<String> problems) {
    String[] args = spec.commandLine().getParseResult().originalArgs().toArray(String[]::new);
    Class<?> main = spec.userObject().getClass();
    System.out.print(report.apply(RunEnvironment.current(main, args, loadAtStart)));
    if (!problems.isEmpty()) {
      System.err.println("BENCHMARK FAILED: " + String.join("; ", problems));
      return 1;
    }
    return 0;
  }
}
