package org.marketflow.ingest.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.marketflow.ingest.kafka.NormalizedPublisher;
import org.marketflow.ingest.kafka.TopicAdmin;
import org.marketflow.ingest.recording.HftBacktestRecording;
import org.marketflow.ingest.replay.BinanceReplay;
import org.marketflow.ingest.replay.Pacer;
import org.marketflow.ingest.replay.ReplayStats;
import org.marketflow.ingest.simulator.MarketSimulator;
import org.marketflow.ingest.simulator.SimulatorRun;
import org.marketflow.schemas.kafka.Topics;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ingest replay <file>} and {@code ingest simulate}: data into the normalized topics. */
@Command(
    name = "ingest",
    mixinStandardHelpOptions = true,
    subcommands = {IngestCli.Replay.class, IngestCli.Simulate.class},
    description = "Publishes normalized market data to Kafka.")
public final class IngestCli {

  static final int FAILURE = 1;
  static final int USAGE_ERROR = 2;

  /** Options both commands share. */
  static class KafkaOptions {
    @Option(
        names = "--bootstrap-servers",
        defaultValue = "localhost:9092",
        description = "Kafka bootstrap servers (default: ${DEFAULT-VALUE}).")
    String bootstrapServers;

    @Option(names = "--topic", defaultValue = Topics.TRADES, description = "Trades topic.")
    String topic;

    @Option(
        names = "--dead-letter-topic",
        defaultValue = Topics.DEAD_LETTERS,
        description = "Where unusable input goes, with the reason.")
    String deadLetterTopic;

    @Option(
        names = "--partitions",
        defaultValue = "4",
        description = "Partitions of topics this command creates.")
    int partitions;

    NormalizedPublisher publisher() {
      TopicAdmin.ensureTopics(
          bootstrapServers,
          partitions,
          List.of(topic, deadLetterTopic, Topics.QUOTES, Topics.BOOK, Topics.STATUS));
      return new NormalizedPublisher(bootstrapServers, topic, deadLetterTopic);
    }
  }

  @Command(
      name = "replay",
      mixinStandardHelpOptions = true,
      description = "Replays a Binance recording (hftbacktest format).")
  static final class Replay implements Callable<Integer> {
    @Parameters(index = "0", description = "The .gz recording.")
    Path file;

    @Option(
        names = "--speed",
        defaultValue = "0",
        description = "0: as fast as possible; N: N times the original pace.")
    double speed;

    @Option(names = "--venue", description = "Venue of the instrument ids (from the file name).")
    String venue;

    @CommandLine.Mixin KafkaOptions kafka = new KafkaOptions();

    @Override
    public Integer call() throws Exception {
      HftBacktestRecording.check(file);
      try (NormalizedPublisher publisher = kafka.publisher()) {
        ReplayStats stats =
            new BinanceReplay(
                    venue == null ? BinanceReplay.venueOf(file) : venue,
                    publisher,
                    new Pacer(speed))
                .replay(file);
        System.out.println("replayed " + file.getFileName() + ": " + stats);
      }
      return 0;
    }
  }

  @Command(
      name = "simulate",
      mixinStandardHelpOptions = true,
      description = "Runs the market simulator in real time.")
  static final class Simulate implements Callable<Integer> {
    @Option(names = "--seed", defaultValue = "42")
    long seed;

    @Option(names = "--rate", defaultValue = "50", description = "Trades per second.")
    double rate;

    @Option(names = "--max-trades", defaultValue = "9223372036854775807")
    long maxTrades;

    @CommandLine.Mixin KafkaOptions kafka = new KafkaOptions();

    @Override
    public Integer call() {
      long nowUs = System.currentTimeMillis() * 1_000L;
      MarketSimulator simulator =
          new MarketSimulator(seed, nowUs, rate, MarketSimulator.defaultInstruments());
      try (NormalizedPublisher publisher = kafka.publisher()) {
        long sent =
            new SimulatorRun(simulator, () -> System.currentTimeMillis() * 1_000L)
                .run(maxTrades, publisher::publish);
        publisher.flush();
        System.out.println("simulated " + sent + " trades");
      }
      return 0;
    }
  }

  /**
   * The command line as {@link #main} runs it: a failure is one line naming the problem on stderr,
   * not a stack trace, with exit code 2 for bad input (a recording that is not one) and 1 for other
   * failures (a broker that cannot be reached).
   */
  public static CommandLine commandLine() {
    return new CommandLine(new IngestCli())
        .setExecutionExceptionHandler(
            (e, command, parseResult) -> {
              command
                  .getErr()
                  .println(command.getCommandSpec().qualifiedName() + ": " + e.getMessage());
              return e instanceof IllegalArgumentException ? USAGE_ERROR : FAILURE;
            });
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }
}
