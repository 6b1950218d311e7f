package org.marketflow.benchmarks;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.marketflow.benchmarks.live.LiveFeedLoad;
import org.marketflow.benchmarks.live.LiveFeedLoadOptions;
import org.marketflow.benchmarks.live.LiveFeedLoadResult;
import org.marketflow.benchmarks.report.RunEnvironment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code scripts/bench-live.sh}: the WebSocket feed of serving-api under load. Connects {@code
 * --clients} clients that each subscribe to the trades of every instrument, publishes trades at a
 * steady rate, and reports the messages per second delivered to all clients together and the
 * latency from each trade's receive time (stamped at publication) to its delivery. Exits 1 when a
 * client was dropped or nothing was measured.
 */
@Command(
    name = "bench-live.sh",
    sortOptions = false,
    mixinStandardHelpOptions = true,
    description = "Throughput and latency of serving-api's WebSocket feed to many clients.")
public final class LiveFeedBenchmark implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--clients",
      defaultValue = "100",
      description =
          "WebSocket clients, each subscribed to every instrument (default ${DEFAULT-VALUE}).")
  int clients;

  @Option(
      names = "--rate",
      defaultValue = "1000",
      description = "Trades published per second (default ${DEFAULT-VALUE}).")
  double rate;

  @Option(
      names = "--instruments",
      defaultValue = "10",
      description = "Instruments the trades are spread over (default ${DEFAULT-VALUE}).")
  int instruments;

  @Option(
      names = "--seconds",
      defaultValue = "30",
      description = "Measured seconds (default ${DEFAULT-VALUE}).")
  int seconds;

  @Option(
      names = "--warmup-seconds",
      defaultValue = "10",
      description = "Seconds published before the measured ones (default ${DEFAULT-VALUE}).")
  int warmupSeconds;

  @Option(
      names = "--service-url",
      description =
          "A running serving-api, e.g. http://127.0.0.1:8080; it must read --bootstrap-servers"
              + " and --topic. Default: start the packaged service (serving-api/target/quarkus-app)"
              + " on an in-process Kafka and the local PostgreSQL.")
  URI serviceUrl;

  @Option(
      names = "--bootstrap-servers",
      description = "The Kafka of --service-url (required with it).")
  String bootstrapServers;

  @Option(
      names = "--topic",
      defaultValue = "md.normalized.trades",
      description = "The trades topic with --service-url (default ${DEFAULT-VALUE}).")
  String topic;

  @Option(
      names = "--api-key",
      description = "A key with the read permission for --service-url (required with it).")
  String apiKey;

  /** Validated options; throws {@link IllegalArgumentException} with the offending option. */
  LiveFeedLoadOptions options() {
    OptionChecks.requirePositive("--clients", clients);
    OptionChecks.requireRate("--rate", rate);
    OptionChecks.requirePositive("--instruments", instruments);
    OptionChecks.requirePositive("--seconds", seconds);
    OptionChecks.requireNonNegative("--warmup-seconds", warmupSeconds);
    if ((serviceUrl == null) != (bootstrapServers == null)) {
      throw new IllegalArgumentException(
          "--service-url and --bootstrap-servers go together: give both or neither");
    }
    if (serviceUrl != null && apiKey == null) {
      throw new IllegalArgumentException("--service-url needs --api-key (the feed needs a key)");
    }
    return new LiveFeedLoadOptions(
        clients,
        rate,
        instruments,
        Duration.ofSeconds(warmupSeconds),
        Duration.ofSeconds(seconds),
        serviceUrl,
        bootstrapServers,
        topic,
        apiKey);
  }

  @Override
  public Integer call() throws Exception {
    double loadAtStart = RunEnvironment.loadAverage();
    LiveFeedLoadResult result = new LiveFeedLoad(options()).run();
    return BenchmarkCommand.finish(
        spec, loadAtStart, environment -> result.report(environment), result.problems());
  }

  public static void main(String[] args) {
    System.exit(BenchmarkCommand.execute(new LiveFeedBenchmark(), args));
  }
}
