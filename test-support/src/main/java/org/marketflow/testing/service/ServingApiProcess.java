package org.marketflow.testing.service;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The API service run as it runs in production: its packaged application ({@code java -jar
 * serving-api/target/quarkus-app/quarkus-run.jar}) in a process of its own, with its settings in
 * environment variables.
 */
public final class ServingApiProcess implements AutoCloseable {

  public static final String JAR = "serving-api/target/quarkus-app/quarkus-run.jar";

  private final Process process;
  private final int port;
  private final Path log;

  private ServingApiProcess(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /** Finds the packaged service by walking up from the working directory. */
  public static Path packagedJar() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path jar = dir.resolve(JAR);
      if (Files.isRegularFile(jar)) {
        return jar;
      }
    }
    throw new IllegalStateException(
        JAR + " not found above " + Path.of("").toAbsolutePath() + ": package serving-api first");
  }

  /**
   * Starts the service on {@code port} (0: a free one) with the given environment, its output in
   * {@code log}, and waits until it reports ready.
   */
  public static ServingApiProcess start(
      Path jar, int port, Map<String, String> environment, Path log, Duration startTimeout)
      throws IOException, InterruptedException {
    int httpPort = port == 0 ? freePort() : port;
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx512m");
    command.add("-Dquarkus.http.port=" + httpPort);
    command.add("-jar");
    command.add(jar.toString());
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
    builder.environment().putAll(environment);
    ServingApiProcess service = new ServingApiProcess(builder.start(), httpPort, log);
    service.awaitReady(startTimeout);
    return service;
  }

  public URI baseUri() {
    return URI.create("http://127.0.0.1:" + port);
  }

  public int port() {
    return port;
  }

  public Path log() {
    return log;
  }

  private void awaitReady(Duration timeout) throws IOException, InterruptedException {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    HttpRequest ready =
        HttpRequest.newBuilder(baseUri().resolve("/q/health/ready"))
            .timeout(Duration.ofSeconds(2))
            .build();
    try {
      Awaitility.await("serving-api ready")
          .atMost(timeout)
          .pollInterval(Duration.ofMillis(100))
          .until(() -> isReady(client, ready));
    } catch (ConditionTimeoutException e) {
      close();
      throw new IllegalStateException(
          "serving-api not ready within " + timeout + "; its output:\n" + tail(), e);
    }
  }

  private boolean isReady(HttpClient client, HttpRequest ready) throws Exception {
    if (!process.isAlive()) {
      throw new IllegalStateException(
          "serving-api exited with " + process.exitValue() + "; its output:\n" + tail());
    }
    try {
      return client.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException notListeningYet) {
      return false; // the port opens a moment after the JVM starts
    }
  }

  private String tail() throws IOException {
    List<String> lines = Files.readAllLines(log);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** Stops the service: politely first (SIGTERM), then for good. */
  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(15, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }
}
