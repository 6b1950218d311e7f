package org.marketflow.testing.servers;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one of the project's {@code scripts/local-*.sh} server scripts ({@code
 * start|stop|status|env}) and reads the {@code KEY=VALUE} lines its {@code env} command prints.
 */
final class LocalServerScript {

  private static final Logger LOG = LoggerFactory.getLogger(LocalServerScript.class);

  /** The first start may run apt-get install. */
  private static final long START_TIMEOUT_MINUTES = 20;

  private final Path script;

  LocalServerScript(Path script) {
    this.script = script;
  }

  /** Finds {@code scripts/<name>} in the working directory or the nearest parent that has it. */
  static LocalServerScript locate(String name) {
    Path workingDirectory = Path.of(System.getProperty("user.dir")).toAbsolutePath();
    return new LocalServerScript(locate(workingDirectory, name));
  }

  static Path locate(Path start, String name) {
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("scripts").resolve(name);
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException(
        "scripts/" + name + " not found in " + start + " or any parent directory");
  }

  /** Starts the server (idempotent) and returns what {@code env} prints. */
  Map<String, String> startAndReadEnvironment() {
    run("start", START_TIMEOUT_MINUTES);
    return parseEnvironment(run("env", 1));
  }

  /** Whether {@code status} reports the server running (exit code 0). */
  boolean isRunning() {
    return execute("status", 1).exitCode() == 0;
  }

  void stop() {
    run("stop", 2);
  }

  /** Parses {@code KEY=VALUE} lines; other lines are ignored, values may contain '='. */
  static Map<String, String> parseEnvironment(String output) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String line : output.split("\\R")) {
      String trimmed = line.strip();
      int equals = trimmed.indexOf('=');
      if (trimmed.startsWith("#") || equals <= 0) {
        continue;
      }
      String key = trimmed.substring(0, equals);
      if (key.matches("[A-Za-z_][A-Za-z0-9_]*")) {
        values.put(key, trimmed.substring(equals + 1));
      }
    }
    return values;
  }

  static String required(Map<String, String> values, String key, Object source) {
    String value = values.get(key);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(key + " missing from " + source);
    }
    return value;
  }

  private String run(String command, long timeoutMinutes) {
    Result result = execute(command, timeoutMinutes);
    if (result.exitCode() != 0) {
      throw new IllegalStateException(
          script + " " + command + " failed with exit code " + result.exitCode());
    }
    return result.stdout();
  }

  private Result execute(String command, long timeoutMinutes) {
    try {
      // stderr (the scripts' one-line summaries and their errors) is read here and logged, not
      // inherited: a script writing to a terminal pipe that is gone (Ctrl-C on `... | tee`) would
      // die of SIGPIPE halfway through stopping its server.
      Process process =
          new ProcessBuilder("bash", script.toString(), command)
              .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
              .start();
      CompletableFuture<String> stdout = readAsync(process.getInputStream());
      CompletableFuture<String> stderr = readAsync(process.getErrorStream());
      if (!process.waitFor(timeoutMinutes, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new IllegalStateException(script + " " + command + " timed out");
      }
      stderr.join().lines().forEach(line -> LOG.info("{}", line));
      return new Result(process.exitValue(), stdout.join());
    } catch (IOException e) {
      throw new UncheckedIOException("could not run " + script, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + script, e);
    }
  }

  private static CompletableFuture<String> readAsync(InputStream stream) {
    return CompletableFuture.supplyAsync(
        () -> {
          try (stream) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  private record Result(int exitCode, String stdout) {}

  @Override
  public String toString() {
    return script.toString();
  }
}
