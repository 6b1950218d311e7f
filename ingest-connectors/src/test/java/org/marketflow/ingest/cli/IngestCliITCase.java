package org.marketflow.ingest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.apache.avro.specific.SpecificRecordBase;
import org.junit.jupiter.api.Test;
import org.marketflow.ingest.feed.CollectingOutput;
import org.marketflow.ingest.simulator.MarketSimulator;
import org.marketflow.ingest.simulator.SimulatorRun;
import org.marketflow.schemas.avro.BookUpdate;
import org.marketflow.schemas.avro.FeedStatus;
import org.marketflow.schemas.avro.Quote;
import org.marketflow.schemas.avro.Trade;
import org.marketflow.testing.data.SharedData;
import org.marketflow.testing.servers.EmbeddedKafka;
import org.marketflow.testing.servers.TopicContents;

class IngestCliITCase {

  private final EmbeddedKafka kafka = EmbeddedKafka.shared();

  @Test
  void replaysARecordingIntoTopicsItCreates() {
    String trades = kafka.uniqueTopic("cli-trades");
    int exit =
        IngestCli.commandLine()
            .execute(
                "replay",
                SharedData.file("binance-hftbacktest/spot_ethusdt_20240808.gz").toString(),
                "--bootstrap-servers",
                kafka.bootstrapServers(),
                "--topic",
                trades,
                "--dead-letter-topic",
                kafka.uniqueTopic("cli-dead-letters"),
                "--partitions",
                "3");

    assertThat(exit).isZero();
    assertThat(TopicContents.readAll(kafka.bootstrapServers(), trades, Duration.ofSeconds(30)))
        .hasSize(6_106);
  }

  @Test
  void rejectsAMissingRecordingWithAUsageError() {
    assertThat(IngestCli.commandLine().execute("replay", "/no/such/file.gz")).isEqualTo(2);
  }

  @Test
  void simulatesBooksQuotesTradesAndStatusesIntoTopicsItCreates() throws IOException {
    String trades = kafka.uniqueTopic("cli-sim-trades");
    String quotes = kafka.uniqueTopic("cli-sim-quotes");
    String book = kafka.uniqueTopic("cli-sim-book");
    String status = kafka.uniqueTopic("cli-sim-status");
    int exit =
        IngestCli.commandLine()
            .execute(
                "simulate",
                "--bootstrap-servers",
                kafka.bootstrapServers(),
                "--topic",
                trades,
                "--quote-topic",
                quotes,
                "--book-topic",
                book,
                "--status-topic",
                status,
                "--dead-letter-topic",
                kafka.uniqueTopic("cli-sim-dead-letters"),
                "--seed",
                "9",
                "--rate",
                "1000",
                "--start",
                "2026-01-01T00:00:00Z",
                "--as-fast-as-possible",
                "--max-events",
                "2000");

    assertThat(exit).isZero();
    // The same market in this process: the topics hold exactly its records.
    MarketSimulator simulator =
        new MarketSimulator(9, 1_767_225_600_000_000L, 1000, MarketSimulator.defaultInstruments());
    CollectingOutput expected = new CollectingOutput();
    SimulatorRun.asFastAsPossible(simulator).run(2_000, expected);
    assertThat(read(trades, Trade.class)).containsExactlyInAnyOrderElementsOf(expected.trades);
    assertThat(read(quotes, Quote.class)).containsExactlyInAnyOrderElementsOf(expected.quotes);
    assertThat(read(book, BookUpdate.class)).containsExactlyInAnyOrderElementsOf(expected.books);
    assertThat(read(status, FeedStatus.class))
        .containsExactlyInAnyOrderElementsOf(expected.statuses);
    assertThat(expected.trades).hasSizeGreaterThan(100);
    assertThat(expected.deadLetters).isEmpty();
  }

  private <T extends SpecificRecordBase> List<T> read(String topic, Class<T> type)
      throws IOException {
    return TopicContents.readAll(kafka.bootstrapServers(), topic, type, Duration.ofSeconds(30));
  }
}
