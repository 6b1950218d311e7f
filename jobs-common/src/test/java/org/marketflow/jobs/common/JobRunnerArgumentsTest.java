package org.marketflow.jobs.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;

/** What a job's {@code main} does with arguments it refuses. */
class JobRunnerArgumentsTest {

  /** A job that is only its arguments: it fails if it gets as far as wiring. */
  public static final class ArgumentsOnlyJob implements StreamingJob {

    public static void main(String[] args) throws Exception {
      JobRunner.run(new ArgumentsOnlyJob(), args);
    }

    @Override
    public String name() {
      return "jobs-arguments";
    }

    @Override
    public List<ConfigOption<?>> options() {
      return List.of();
    }

    @Override
    public int requiredSchemaVersion() {
      return 0;
    }

    @Override
    public void wire(StreamExecutionEnvironment env, Configuration config) {
      throw new IllegalStateException("wired");
    }
  }

  @Test
  void parsingChecksABacktestsOptions() {
    assertThatThrownBy(
            () ->
                JobRunner.parse(
                    new ArgumentsOnlyJob(), new String[] {"--from", "2025-01-15T10:00:00Z"}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("--from and --to are for a backtest");
  }

  @Test
  void anArgumentErrorIsOneLine() {
    assertThat(JobRunner.argumentError(new IllegalArgumentException("bad\n  value")))
        .isEqualTo("error: bad value");
  }

  @Test
  void mainPrintsOneLineAndExitsWithTwoOnArgumentsTheJobRefuses() throws Exception {
    Result refused = main("--backtest.name", "q1", "--from", "yesterday", "--to", "today");

    assertThat(refused.exitCode()).isEqualTo(JobRunner.ARGUMENT_ERROR);
    assertThat(refused.stderr().strip())
        .isEqualTo(
            "error: invalid value 'yesterday' for --from: not an ISO 8601 instant; write e.g."
                + " 2025-01-15T10:00:00Z");

    Result unknown = main("--no-such-option", "1");
    assertThat(unknown.exitCode()).isEqualTo(JobRunner.ARGUMENT_ERROR);
    assertThat(unknown.stderr().strip()).startsWith("error: unknown option --no-such-option;");
  }

  private record Result(int exitCode, String stderr) {}

  /** Runs {@link ArgumentsOnlyJob#main} in a JVM of its own, as {@code java -cp} would. */
  private static Result main(String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(ArgumentsOnlyJob.class.getName());
    command.addAll(List.of(args));
    Process process =
        new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Result(process.exitValue(), stderr);
  }
}
