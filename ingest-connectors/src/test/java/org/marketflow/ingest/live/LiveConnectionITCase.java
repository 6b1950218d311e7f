package org.marketflow.ingest.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.marketflow.ingest.book.OrderBook;
import org.marketflow.ingest.check.RecordingCheck;
import org.marketflow.ingest.cli.IngestCli;
import org.marketflow.ingest.feed.FeedOutput;
import org.marketflow.ingest.feed.FeedTally;
import org.marketflow.ingest.feed.ForwardingOutput;
import org.marketflow.ingest.feed.Venue;
import org.marketflow.ingest.feed.VenueFeed;
import org.marketflow.ingest.kafka.NormalizedPublisher;
import org.marketflow.ingest.kafka.TopicPublishers;
import org.marketflow.ingest.metrics.FeedMonitor;
import org.marketflow.ingest.recording.Recordings;
import org.marketflow.ingest.venues.VenueFeeds;
import org.marketflow.schemas.avro.AvroCodec;
import org.marketflow.schemas.avro.BookUpdate;
import org.marketflow.schemas.avro.FeedState;
import org.marketflow.schemas.avro.FeedStatus;
import org.marketflow.schemas.avro.Trade;
import org.marketflow.testing.data.SharedData;
import org.marketflow.testing.junit.KafkaExtension;
import org.marketflow.testing.junit.KafkaTopic;
import org.marketflow.testing.servers.EmbeddedKafka;
import org.marketflow.testing.servers.TopicContents;

/**
 * The live client against a local fake Binance serving the real BTCUSDT recording, with a
 * disconnect, a dropped diff, a duplicated and a reordered message and a silent server: it
 * reconnects, resyncs from fresh REST snapshots, reports each of these as {@code FeedStatus}, and
 * the book rebuilt from the book topic alone ends equal to the venue's.
 */
@ExtendWith(KafkaExtension.class)
class LiveConnectionITCase {

  private static final Path RECORDING =
      SharedData.file("binance-hftbacktest/spot_btcusdt_20240808.gz");

  private final EmbeddedKafka kafka = EmbeddedKafka.shared();

  @Test
  void reconnectsResyncsAndKeepsTheBookRight(
      KafkaTopic trades,
      KafkaTopic deadLetters,
      KafkaTopic book,
      KafkaTopic quotes,
      KafkaTopic statuses)
      throws Exception {
    List<String> lines = new ArrayList<>();
    FakeBinanceVenue.Faults faults =
        new FakeBinanceVenue.Faults(
            Set.of(1_500), Set.of(2_501), Set.of(3_000), Set.of(3_500), 4_500, 1_500);
    try (FakeBinanceVenue venue = new FakeBinanceVenue(RECORDING, 6_000, faults);
        NormalizedPublisher publisher =
            TopicPublishers.to(
                kafka.bootstrapServers(), trades, deadLetters, book, quotes, statuses);
        FeedMonitor monitor =
            new FeedMonitor("live binance-spot", "binance-spot", publisher, 0, null, lines::add)) {
      publisher.onAcknowledged(monitor.output()::acknowledged);
      LiveOptions options =
          new LiveOptions(
              venue.webSocket(),
              venue.rest(),
              List.of("BTCUSDT"),
              Duration.ofMillis(500),
              Duration.ofMillis(50),
              Duration.ofMillis(200),
              Duration.ofMillis(10),
              Duration.ofMillis(100));
      LiveConnection connection =
          new LiveConnection(
              "binance-spot", new BinanceProtocol(false), options, new SplittableRandom(7));
      StopAtVenuesEnd output = new StopAtVenuesEnd(monitor.output(), venue, connection);
      VenueFeed feed =
          VenueFeeds.create(Venue.BINANCE_SPOT, output, "ingest.live.binance-spot", connection);
      connection.run(feed, Instant.now().plusSeconds(90));
      publisher.flush();

      assertThat(output.reachedTheEnd)
          .as("the book caught up with the venue's last update")
          .isTrue();
      assertThat(connection.connections()).isGreaterThanOrEqualTo(3); // the close, the silence

      List<FeedState> states = new ArrayList<>();
      AvroCodec<FeedStatus> statusCodec = AvroCodec.of(FeedStatus.class);
      for (ConsumerRecord<byte[], byte[]> record : readAll(statuses.name())) {
        states.add(statusCodec.decode(record.value()).getState());
      }
      System.out.println(
          "live against the fake venue: "
              + connection.connections()
              + " connections, statuses "
              + states);
      assertThat(states)
          .contains(
              FeedState.CONNECTED,
              FeedState.DISCONNECTED,
              FeedState.GAP,
              FeedState.RESYNCED,
              FeedState.STALE);
      assertThat(states.stream().filter(FeedState.DISCONNECTED::equals).count())
          .isGreaterThanOrEqualTo(2);

      OrderBook rebuilt = new OrderBook();
      AvroCodec<BookUpdate> bookCodec = AvroCodec.of(BookUpdate.class);
      for (ConsumerRecord<byte[], byte[]> record : readAll(book.name())) {
        rebuilt.apply(bookCodec.decode(record.value()));
      }
      OrderBook expected = venue.book();
      assertThat(rebuilt.bids(Integer.MAX_VALUE)).isEqualTo(expected.bids(Integer.MAX_VALUE));
      assertThat(rebuilt.asks(Integer.MAX_VALUE)).isEqualTo(expected.asks(Integer.MAX_VALUE));

      AvroCodec<Trade> tradeCodec = AvroCodec.of(Trade.class);
      long previous = Long.MIN_VALUE;
      for (ConsumerRecord<byte[], byte[]> record : readAll(trades.name())) {
        long id = tradeCodec.decode(record.value()).getSequence();
        assertThat(id).as("no trade twice, in order").isGreaterThan(previous);
        previous = id;
      }
      assertThat(readAll(deadLetters.name())).isEmpty();
      assertThat(readAll(quotes.name())).isNotEmpty();

      String scraped = scrape(monitor.port());
      long published =
          readAll(trades.name()).size()
              + readAll(book.name()).size()
              + readAll(quotes.name()).size()
              + states.size();
      assertThat(scraped)
          .contains(
              "marketflow_ingest_feed_status_total{instrument=\"BINANCE:BTCUSDT\",state=\"GAP\","
                  + "venue=\"binance-spot\"} 1.0")
          .contains(
              "marketflow_ingest_receive_to_ack_seconds_count{venue=\"binance-spot\"} "
                  + published);
      double completeness =
          Double.parseDouble(
              scraped
                  .lines()
                  .filter(line -> line.startsWith("marketflow_ingest_completeness{"))
                  .findFirst()
                  .orElseThrow()
                  .replaceAll(".* ", ""));
      assertThat(completeness).as("the update ids the resyncs jumped over").isBetween(0.5, 0.9999);
    }
    assertThat(lines).hasSize(1);
    System.out.println(lines.get(0));
    assertThat(lines.get(0)).contains("gaps 1,");
  }

  private static String scrape(int port) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return response.body();
  }

  @Test
  void theCommandPublishesAVenuesMessagesToKafka() throws Exception {
    try (FakeBinanceVenue venue =
        new FakeBinanceVenue(RECORDING, 2_000, FakeBinanceVenue.Faults.none())) {
      String trades = kafka.uniqueTopic("live-trades");
      int exit =
          run(
              "live",
              venue,
              2_000,
              "--bootstrap-servers",
              kafka.bootstrapServers(),
              "--topic",
              trades,
              "--dead-letter-topic",
              kafka.uniqueTopic("live-dead-letters"));

      assertThat(exit).isZero();
      assertThat(venue.restRequests()).isPositive();
      List<ConsumerRecord<byte[], byte[]>> published = readAll(trades);
      assertThat(published).isNotEmpty();
      assertThat(new String(published.get(0).key(), StandardCharsets.UTF_8))
          .isEqualTo("BINANCE:BTCUSDT");
    }
  }

  @Test
  void theRecordCommandWritesRotatedFilesThatEachCheckCleanly(@TempDir Path directory)
      throws Exception {
    try (FakeBinanceVenue venue =
        new FakeBinanceVenue(RECORDING, 6_000, FakeBinanceVenue.Faults.none())) {
      int exit = run("record", venue, 6_000, "--out", directory.toString(), "--rotate-mb", "0.05");
      assertThat(exit).isZero();
    }
    List<Path> files;
    try (Stream<Path> listed = Files.list(directory)) {
      files = listed.sorted().toList();
    }
    assertThat(files).hasSizeGreaterThan(1);
    long messages = 0;
    for (Path file : files) {
      assertThat(file.getFileName().toString()).startsWith("spot_btcusdt_").endsWith(".gz");
      RecordingCheck.Result check = RecordingCheck.run(Recordings.open(file, null));
      FeedTally.Counts counts = check.stats().tally().byInstrument().get("BINANCE:BTCUSDT");
      assertThat(check.passed()).as(String.join("\n", check.lines())).isTrue();
      assertThat(counts.statuses(FeedState.GAP)).as(file.toString()).isZero();
      assertThat(check.stats().deadLetters()).isZero();
      try (BufferedReader lines =
          new BufferedReader(
              new InputStreamReader(
                  new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
        messages += lines.lines().filter(line -> line.contains(" {\"stream\":")).count();
      }
    }
    assertThat(messages).as("every message recorded once").isEqualTo(6_000);
  }

  /** Runs an ingest command against the fake venue's BTCUSDT for {@code messages} messages. */
  private static int run(String command, FakeBinanceVenue venue, int messages, String... more) {
    List<String> arguments =
        new ArrayList<>(
            List.of(
                command,
                "--venue",
                "binance-spot",
                "--symbols",
                "BTCUSDT",
                "--ws-url",
                venue.webSocket().toString(),
                "--rest-url",
                venue.rest().toString(),
                "--max-messages",
                Integer.toString(messages)));
    arguments.addAll(List.of(more));
    return IngestCli.commandLine().execute(arguments.toArray(String[]::new));
  }

  private List<ConsumerRecord<byte[], byte[]>> readAll(String topic) {
    return TopicContents.readAll(kafka.bootstrapServers(), topic, Duration.ofSeconds(30));
  }

  /** Publishes, and stops the connection once the book is at the venue's last update. */
  private static final class StopAtVenuesEnd extends ForwardingOutput {
    private final FakeBinanceVenue venue;
    private final LiveConnection connection;
    boolean reachedTheEnd;

    StopAtVenuesEnd(FeedOutput next, FakeBinanceVenue venue, LiveConnection connection) {
      super(next);
      this.venue = venue;
      this.connection = connection;
    }

    @Override
    public void book(BookUpdate update) {
      super.book(update);
      if (update.getLastSequence() == venue.finalUpdateId()) {
        reachedTheEnd = true;
        connection.stop();
      }
    }
  }
}
