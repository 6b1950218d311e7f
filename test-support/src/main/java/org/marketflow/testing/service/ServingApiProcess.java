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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The API service run as it runs in production: its packaged application ({@code java -jar
 * serving-api/target/quarkus-app/quarkus-run.jar}) in a process of its own, with its settings in
 * environment variables.
 *
 * <p>Authentication is on, as in production. Unless the environment names them, the process gets
 * {@link #LOCAL_PEPPER} as the pepper of its API keys and a first admin key written to a file
 * beside its log ({@code marketflow.access.bootstrap-key-file}); {@link #adminKey()} returns that
 * key and {@link #createKey} makes keys for clients with it, through the admin endpoints.
 */
public final class ServingApiProcess implements AutoCloseable {

  public static final String JAR = "serving-api/target/quarkus-app/quarkus-run.jar";

  /** The header that carries an API key. */
  public static final String API_KEY_HEADER = "X-API-Key";

  static final String PEPPER_ENV = "MARKETFLOW_ACCESS_PEPPER";
  static final String BOOTSTRAP_KEY_FILE_ENV = "MARKETFLOW_ACCESS_BOOTSTRAP_KEY_FILE";

  /**
   * The pepper of the local run and the tests. Not a secret: keys hashed with it are only as safe
   * as the database they are in. Production sets its own ({@code MARKETFLOW_ACCESS_PEPPER}).
   */
  public static final String LOCAL_PEPPER = "marketflow-local-pepper-not-for-production";

  private static final Pattern ACCOUNT_ID = Pattern.compile("\"accountId\"\\s*:\\s*\"([^\"]+)\"");
  private static final Pattern API_KEY = Pattern.compile("\"apiKey\"\\s*:\\s*\"([^\"]+)\"");

  private final Process process;
  private final int port;
  private final Path log;
  private final Path adminKeyFile;
  private String adminKey;

  private ServingApiProcess(Process process, int port, Path log, Path adminKeyFile) {
    this.process = process;
    this.port = port;
    this.log = log;
    this.adminKeyFile = adminKeyFile;
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
    Map<String, String> env = builder.environment();
    env.putAll(environment);
    env.putIfAbsent(PEPPER_ENV, LOCAL_PEPPER);
    env.putIfAbsent(
        BOOTSTRAP_KEY_FILE_ENV,
        log.toAbsolutePath().resolveSibling(log.getFileName() + ".admin-key").toString());
    Path adminKeyFile = Path.of(env.get(BOOTSTRAP_KEY_FILE_ENV));
    ServingApiProcess service = new ServingApiProcess(builder.start(), httpPort, log, adminKeyFile);
    service.awaitReady(startTimeout);
    service.adminKey = Files.readString(adminKeyFile).strip();
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

  /** The admin key the service wrote at start-up (all permissions). */
  public String adminKey() {
    return adminKey;
  }

  /** The file the admin key is in (0600). */
  public Path adminKeyFile() {
    return adminKeyFile;
  }

  /**
   * Creates an account named {@code accountName} and a key of it with {@code permissions} ({@code
   * read}, {@code trade}, {@code admin}) through the admin endpoints, and returns the key.
   */
  public String createKey(String accountName, String... permissions)
      throws IOException, InterruptedException {
    String account =
        postAsAdmin("/api/institutional/admin/accounts", "{\"name\":\"" + accountName + "\"}");
    String accountId = field(ACCOUNT_ID, account);
    String list = String.join("\",\"", permissions);
    String created =
        postAsAdmin(
            "/api/institutional/admin/accounts/" + accountId + "/keys",
            "{\"permissions\":[\"" + list + "\"]}");
    return field(API_KEY, created);
  }

  private String postAsAdmin(String path, String json) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(baseUri().resolve(path))
            .timeout(Duration.ofSeconds(10))
            .header(API_KEY_HEADER, adminKey)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build();
    HttpResponse<String> response =
        HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 201) {
      throw new IllegalStateException(
          "POST " + path + " answered " + response.statusCode() + ": " + response.body());
    }
    return response.body();
  }

  private static String field(Pattern pattern, String json) {
    Matcher matcher = pattern.matcher(json);
    if (!matcher.find()) {
      throw new IllegalStateException("unexpected answer of serving-api: " + json);
    }
    return matcher.group(1);
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
