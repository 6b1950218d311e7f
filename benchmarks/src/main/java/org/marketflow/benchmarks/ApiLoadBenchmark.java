package org.marketflow.benchmarks;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.marketflow.benchmarks.http.HttpLoad;
import org.marketflow.benchmarks.http.LocalApi;
import org.marketflow.benchmarks.report.RunEnvironment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code scripts/bench-api.sh}: the packaged service under load. For each named target (a list of
 * paths), the highest rate it holds with a fixed number of requests in flight, then the latency
 * percentiles at a fixed rate; and the ratio of each target's highest rate to the first target's
 * (the trivial endpoint), all in one run.
 */
@Command(
    name = "bench-api.sh",
    sortOptions = false,
    mixinStandardHelpOptions = true,
    description = "Throughput and latency of the service's endpoints, beside a trivial endpoint.")
public final class ApiLoadBenchmark implements Callable<Integer> {

  private static final String MARKET_DATA = "/api/institutional/market-data/";

  /**
   * The trivial endpoint (liveness: no database, no key), then the two endpoints of the service's
   * latency target: OHLC (authenticated, rate-limited, cached: a few distinct queries, so most
   * answers come from the cache) and the live order book (Redis).
   */
  static final List<String> DEFAULT_TARGETS =
      List.of(
          "trivial=/q/health/live",
          "ohlc="
              + MARKET_DATA
              + "ohlc?instrument="
              + LocalApi.INSTRUMENT
              + "&interval=1m&limit=100,"
              + MARKET_DATA
              + "ohlc?instrument="
              + LocalApi.INSTRUMENT
              + "&interval=1m&limit=60,"
              + MARKET_DATA
              + "ohlc?instrument="
              + LocalApi.INSTRUMENT
              + "&interval=1m&limit=80",
          "orderbook="
              + MARKET_DATA
              + "orderbook?instrument="
              + LocalApi.INSTRUMENT
              + "&depth=20,"
              + MARKET_DATA
              + "orderbook?instrument="
              + LocalApi.INSTRUMENT
              + "&depth=50");

  @Spec CommandSpec spec;

  @Option(
      names = "--url",
      description =
          "A running service, e.g. http://127.0.0.1:8080. Without it the packaged service is started"
              + " here on the local PostgreSQL and Redis, with bars, a live book and a key.")
  URI url;

  @Option(names = "--api-key", description = "Sent as X-API-Key (with --url).")
  String apiKey;

  @Option(
      names = "--target",
      description =
          "name=path[,path...]; the first is the baseline of the ratios. Repeat for each target."
              + " Default: the trivial /q/health/live, then GET /ohlc and GET /orderbook.")
  List<String> targets;

  @Option(
      names = "--bars",
      defaultValue = "100000",
      description = "1-minute bars in the started service's database (default ${DEFAULT-VALUE}).")
  int bars;

  @Option(
      names = "--access-log",
      description =
          "Keep the started service's access log on (a line per request to its log file), as in"
              + " production; off by default.")
  boolean accessLog;

  @Option(names = "--rate", defaultValue = "2000", description = "Requests/s of the latency runs.")
  int rate;

  @Option(names = "--seconds", defaultValue = "15", description = "Length of each run.")
  int seconds;

  @Option(
      names = "--in-flight",
      defaultValue = "32",
      description = "Requests outstanding in the throughput runs.")
  int inFlight;

  @Option(
      names = "--warmup-seconds",
      defaultValue = "10",
      description = "Unmeasured load on each target first.")
  int warmupSeconds;

  @Override
  public Integer call() throws Exception {
    OptionChecks.requirePositive("--rate", rate);
    OptionChecks.requirePositive("--seconds", seconds);
    OptionChecks.requirePositive("--in-flight", inFlight);
    double loadAtStart = RunEnvironment.loadAverage();
    if (targets == null || targets.isEmpty()) {
      targets = DEFAULT_TARGETS;
    }
    if (url != null) {
      return run(loadAtStart, url, apiKey);
    }
    try (LocalApi api = LocalApi.start(bars, accessLog)) {
      return run(loadAtStart, api.baseUri(), api.key());
    }
  }

  private int run(double loadAtStart, URI url, String apiKey) throws Exception {
    Map<String, String> headers = apiKey == null ? Map.of() : Map.of("X-API-Key", apiKey);
    Map<String, HttpLoad.Result[]> results = new LinkedHashMap<>();
    for (String target : targets) {
      String name = target.substring(0, target.indexOf('='));
      List<String> paths = List.of(target.substring(target.indexOf('=') + 1).split(","));
      HttpLoad load = new HttpLoad(url, paths, headers);
      load.closedLoop(inFlight, Duration.ofSeconds(warmupSeconds));
      HttpLoad.Result throughput = load.closedLoop(inFlight, Duration.ofSeconds(seconds));
      HttpLoad.Result latency = load.atRate(rate, Duration.ofSeconds(seconds));
      results.put(name, new HttpLoad.Result[] {throughput, latency});
    }
    return BenchmarkCommand.finish(spec, loadAtStart, env -> report(results, env), List.of());
  }

  private String report(Map<String, HttpLoad.Result[]> results, RunEnvironment environment) {
    List<String> lines = new ArrayList<>();
    lines.add(
        String.format(
            Locale.ROOT,
            "MarketFlow API load benchmark%nCommand       %s%nLoad average  %.2f at start, %.2f at"
                + " end%n",
            environment.command(),
            environment.loadAtStart(),
            environment.loadAtEnd()));
    lines.add(
        String.format(
            Locale.ROOT,
            "%-12s %12s %8s %10s %9s %9s %9s %9s  %s",
            "target",
            "max req/s",
            "ratio",
            "at req/s",
            "p50 ms",
            "p90 ms",
            "p99 ms",
            "p99.9 ms",
            "statuses (max run; rate run)"));
    double baseline = -1;
    for (Map.Entry<String, HttpLoad.Result[]> entry : results.entrySet()) {
      HttpLoad.Result max = entry.getValue()[0];
      HttpLoad.Result paced = entry.getValue()[1];
      if (baseline < 0) {
        baseline = max.requestsPerSecond();
      }
      lines.add(
          String.format(
              Locale.ROOT,
              "%-12s %12.0f %8.2f %10.0f %9.2f %9.2f %9.2f %9.2f  %s; %s",
              entry.getKey(),
              max.requestsPerSecond(),
              max.requestsPerSecond() / baseline,
              paced.requestsPerSecond(),
              paced.percentileMillis(50),
              paced.percentileMillis(90),
              paced.percentileMillis(99),
              paced.percentileMillis(99.9),
              max.statuses(),
              paced.statuses()));
    }
    lines.add(
        String.format(
            Locale.ROOT,
            "(%d requests in flight for the max runs; %d req/s for %d s for the latency runs,"
                + " measured from each request's scheduled start%s)",
            inFlight,
            rate,
            seconds,
            url != null ? "" : accessLog ? "; access log on" : "; access log off"));
    return String.join("\n", lines) + "\n";
  }

  public static void main(String[] args) {
    System.exit(BenchmarkCommand.execute(new ApiLoadBenchmark(), args));
  }
}
