package org.marketflow.ingest.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.marketflow.ingest.check.RecordingCheck;
import org.marketflow.ingest.feed.ResyncRequests;
import org.marketflow.ingest.feed.Venue;
import org.marketflow.ingest.kafka.NormalizedPublisher;
import org.marketflow.ingest.kafka.TopicAdmin;
import org.marketflow.ingest.pariflow.PariflowBridge;
import org.marketflow.ingest.pariflow.PariflowTopics;
import org.marketflow.ingest.recording.Recording;
import org.marketflow.ingest.recording.Recordings;
import org.marketflow.ingest.replay.Pacer;
import org.marketflow.ingest.replay.Replay;
import org.marketflow.ingest.replay.ReplayStats;
import org.marketflow.ingest.simulator.MarketSimulator;
import org.marketflow.ingest.simulator.SimulatorRun;
import org.marketflow.schemas.kafka.DeadLetters;
import org.marketflow.schemas.kafka.Topics;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ingest replay <file>}, {@code ingest check <file>} and {@code ingest simulate}: data into
 * the normalized topics, and recordings checked before they are trusted.
 */
@Command(
    name = "ingest",
    mixinStandardHelpOptions = true,
    subcommands = {
      LiveCommand.class,
      RecordCommand.class,
      IngestCli.ReplayCommand.class,
      IngestCli.Check.class,
      IngestCli.Pariflow.class,
      IngestCli.Simulate.class
    },
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

    @Option(names = "--quote-topic", defaultValue = Topics.QUOTES, description = "Quotes topic.")
    String quoteTopic;

    @Option(names = "--book-topic", defaultValue = Topics.BOOK, description = "Book updates topic.")
    String bookTopic;

    @Option(
        names = "--status-topic",
        defaultValue = Topics.STATUS,
        description = "Feed status topic.")
    String statusTopic;

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

    @Option(
        names = "--linger-ms",
        defaultValue = "5",
        description =
            "How long the producer waits for a batch to fill (default: ${DEFAULT-VALUE}): up to"
                + " this much is added to each record's latency. Lower it only where the handler"
                + " and the broker have cores of their own: the extra produce requests cost CPU"
                + " (docs/live-feeds.md).")
    long lingerMs;

    NormalizedPublisher publisher() {
      Map<String, String> topics =
          Map.of(
              Topics.TRADES, topic,
              Topics.QUOTES, quoteTopic,
              Topics.BOOK, bookTopic,
              Topics.STATUS, statusTopic,
              Topics.DEAD_LETTERS, deadLetterTopic);
      Duration linger = linger();
      TopicAdmin.ensureTopics(bootstrapServers, partitions, List.copyOf(topics.values()));
      return new NormalizedPublisher(bootstrapServers, topics, DeadLetters.DEFAULT, linger);
    }

    /** {@code --linger-ms}, checked before anything connects. */
    Duration linger() {
      if (lingerMs < 0) {
        throw new IllegalArgumentException("--linger-ms must be 0 or more, not " + lingerMs);
      }
      return Duration.ofMillis(lingerMs);
    }
  }

  /** The recording a command reads. */
  static class RecordingArgument {
    @Parameters(
        index = "0",
        description =
            "The recording: hftbacktest (.gz) or cryptofeed (<FEED>.ws.<n>.<m>, with its"
                + " <FEED>.http.* snapshots beside it).")
    Path file;

    @Option(
        names = "--venue",
        description =
            "Venue of an hftbacktest recording: binance-spot or binance-usdm (default: from the"
                + " file name, usdm_* is binance-usdm).")
    String venue;

    Recording open() throws java.io.IOException {
      return Recordings.open(file, venue == null ? null : Venue.named(venue));
    }
  }

  @Command(
      name = "pariflow",
      mixinStandardHelpOptions = true,
      description =
          "Reads the prediction-market engine's trade and order-book topics and publishes"
              + " normalized records (user ids never leave this step).")
  static final class Pariflow implements Callable<Integer> {
    @Option(
        names = "--group-id",
        defaultValue = "marketflow-ingest-pariflow",
        description = "Consumer group of the engine topics (default: ${DEFAULT-VALUE}).")
    String groupId;

    @Option(names = "--to-end", description = "Stop at the end offsets seen at start.")
    boolean toEnd;

    @CommandLine.Mixin KafkaOptions kafka = new KafkaOptions();

    @Override
    public Integer call() {
      try (NormalizedPublisher publisher = kafka.publisher();
          PariflowBridge bridge =
              PariflowBridge.toPublisher(
                  kafka.bootstrapServers,
                  groupId,
                  PariflowTopics.DEFAULT,
                  publisher,
                  ResyncRequests.NONE)) {
        if (toEnd) {
          System.out.println("pariflow: " + bridge.runToEnd() + " engine records read");
        } else {
          Runtime.getRuntime().addShutdownHook(new Thread(bridge::stop, "ingest-pariflow-stop"));
          bridge.run();
        }
      }
      return 0;
    }
  }

  @Command(
      name = "replay",
      mixinStandardHelpOptions = true,
      description =
          "Replays a recording into Kafka: hftbacktest (.gz, Binance) or cryptofeed"
              + " (<FEED>.ws.<n>.<m> with its .http. snapshots beside it).")
  static final class ReplayCommand implements Callable<Integer> {
    @CommandLine.Mixin RecordingArgument recording = new RecordingArgument();

    @Option(
        names = "--speed",
        defaultValue = "0",
        description = "0: as fast as possible; N: N times the original pace.")
    double speed;

    @CommandLine.Mixin KafkaOptions kafka = new KafkaOptions();

    @Override
    public Integer call() throws Exception {
      try (Recording opened = recording.open();
          NormalizedPublisher publisher = kafka.publisher()) {
        ReplayStats stats =
            new Replay(publisher, new Pacer(speed))
                .withProgress(System.err::println)
                .replay(opened);
        System.out.println("replayed " + opened.file().getFileName() + ": " + stats);
      }
      return 0;
    }
  }

  @Command(
      name = "check",
      mixinStandardHelpOptions = true,
      description =
          "Reads a recording without Kafka and reports, per instrument, messages by type, gaps,"
              + " resyncs, checksums, and the rebuilt book's top against the venue's own best"
              + " bid/ask. Exits 1 on any mismatch.")
  static final class Check implements Callable<Integer> {
    @CommandLine.Mixin RecordingArgument recording = new RecordingArgument();

    @Override
    public Integer call() throws Exception {
      try (Recording opened = recording.open()) {
        RecordingCheck.Result result = RecordingCheck.run(opened);
        System.out.println(result.report());
        return result.passed() ? 0 : FAILURE;
      }
    }
  }

  @Command(
      name = "simulate",
      mixinStandardHelpOptions = true,
      description =
          "Publishes a simulated market of order books (docs/simulator.md): CONNECTED, a snapshot"
              + " and a quote per instrument, then book deltas, quotes and trades, in real time;"
              + " DISCONNECTED at the end.")
  static final class Simulate implements Callable<Integer> {
    @Option(
        names = "--seed",
        defaultValue = "42",
        description = "Random seed: the same seed and start give the same records.")
    long seed;

    @Option(
        names = "--rate",
        defaultValue = "200",
        description =
            "Market events per second of event time, all books together (default:"
                + " ${DEFAULT-VALUE}).")
    double rate;

    @Option(
        names = "--max-events",
        defaultValue = "9223372036854775807",
        description = "Stops after this many events.")
    long maxEvents;

    @Option(
        names = "--start",
        description = "Event time of the opening snapshots, an ISO-8601 instant (default: now).")
    Instant start;

    @Option(
        names = "--as-fast-as-possible",
        description = "Publishes each event without waiting for its time (load tests).")
    boolean asFastAsPossible;

    @CommandLine.Mixin KafkaOptions kafka = new KafkaOptions();

    @Override
    public Integer call() {
      Instant opening = start != null ? start : Instant.now();
      long startUs = ChronoUnit.MICROS.between(Instant.EPOCH, opening);
      MarketSimulator simulator =
          new MarketSimulator(seed, startUs, rate, MarketSimulator.defaultInstruments());
      SimulatorRun run =
          asFastAsPossible
              ? SimulatorRun.asFastAsPossible(simulator)
              : SimulatorRun.realTime(simulator);
      try (NormalizedPublisher publisher = kafka.publisher()) {
        long events = run.run(maxEvents, publisher);
        publisher.flush();
        System.out.println("simulated " + events + " events");
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
