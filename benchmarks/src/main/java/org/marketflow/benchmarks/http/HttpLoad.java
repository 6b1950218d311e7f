package org.marketflow.benchmarks.http;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * An HTTP load generator over the JDK's client, in two modes:
 *
 * <ul>
 *   <li>{@link #atRate}: open loop, requests started on a fixed schedule whatever the answers do;
 *       each latency is measured from the request's scheduled start, not its actual send, so a
 *       stalled server is charged for the requests it delayed (no coordinated omission);
 *   <li>{@link #closedLoop}: a fixed number of requests in flight, each answer starting the next:
 *       the highest rate the service holds.
 * </ul>
 *
 * Request paths are taken round-robin from a list, so the cache and the rate limiter see a mix.
 */
public final class HttpLoad {

  /** What one measurement gives. */
  public record Result(
      long requests, Duration elapsed, Histogram latencyMicros, Map<Integer, Long> statuses) {

    public double requestsPerSecond() {
      return requests / (elapsed.toNanos() / 1e9);
    }

    public double percentileMillis(double percentile) {
      return latencyMicros.getValueAtPercentile(percentile) / 1e3;
    }
  }

  private final HttpClient client;
  private final URI base;
  private final List<String> paths;
  private final Map<String, String> headers;

  public HttpLoad(URI base, List<String> paths, Map<String, String> headers) {
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    this.base = base;
    this.paths = List.copyOf(paths);
    this.headers = Map.copyOf(headers);
  }

  /** Starts {@code rate} requests a second for {@code duration}, and waits for every answer. */
  public Result atRate(int rate, Duration duration) throws InterruptedException {
    long total = Math.max(1, rate * duration.toNanos() / 1_000_000_000L);
    long intervalNanos = 1_000_000_000L / rate;
    Recorder recorder = new Recorder(3);
    Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
    CountDownLatch done = new CountDownLatch((int) total);
    long start = System.nanoTime();
    for (long i = 0; i < total; i++) {
      long scheduled = start + i * intervalNanos;
      long wait = scheduled - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      }
      send(i, scheduled, recorder, statuses, done::countDown);
    }
    done.await(duration.toSeconds() + 60, TimeUnit.SECONDS);
    return result(total, System.nanoTime() - start, recorder, statuses);
  }

  /** Keeps {@code inFlight} requests outstanding for {@code duration}. */
  public Result closedLoop(int inFlight, Duration duration) throws InterruptedException {
    Recorder recorder = new Recorder(3);
    Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
    AtomicLong sent = new AtomicLong();
    long start = System.nanoTime();
    long end = start + duration.toNanos();
    CountDownLatch workers = new CountDownLatch(inFlight);
    for (int w = 0; w < inFlight; w++) {
      loop(sent, end, recorder, statuses, workers);
    }
    workers.await(duration.toSeconds() + 60, TimeUnit.SECONDS);
    return result(sent.get(), System.nanoTime() - start, recorder, statuses);
  }

  private void loop(
      AtomicLong sent,
      long end,
      Recorder recorder,
      Map<Integer, LongAdder> statuses,
      CountDownLatch workers) {
    long now = System.nanoTime();
    if (now >= end) {
      workers.countDown();
      return;
    }
    send(
        sent.getAndIncrement(),
        now,
        recorder,
        statuses,
        () -> loop(sent, end, recorder, statuses, workers));
  }

  private void send(
      long index,
      long startedAt,
      Recorder recorder,
      Map<Integer, LongAdder> statuses,
      Runnable then) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(paths.get((int) (index % paths.size()))))
            .timeout(Duration.ofSeconds(30))
            .GET();
    headers.forEach(request::header);
    client
        .sendAsync(request.build(), HttpResponse.BodyHandlers.discarding())
        .whenComplete(
            (response, failure) -> {
              recorder.recordValue(Math.max(1, (System.nanoTime() - startedAt) / 1_000));
              int status = failure != null ? -1 : response.statusCode();
              statuses.computeIfAbsent(status, s -> new LongAdder()).increment();
              then.run();
            });
  }

  private static Result result(
      long requests, long nanos, Recorder recorder, Map<Integer, LongAdder> statuses) {
    Map<Integer, Long> counts = new java.util.TreeMap<>();
    statuses.forEach((status, count) -> counts.put(status, count.sum()));
    return new Result(requests, Duration.ofNanos(nanos), recorder.getIntervalHistogram(), counts);
  }
}
