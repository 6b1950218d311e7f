package org.marketflow.ingest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
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
  void simulatesABoundedNumberOfTrades() {
    String trades = kafka.uniqueTopic("cli-sim");
    int exit =
        IngestCli.commandLine()
            .execute(
                "simulate",
                "--bootstrap-servers",
                kafka.bootstrapServers(),
                "--topic",
                trades,
                "--dead-letter-topic",
                kafka.uniqueTopic("cli-sim-dead-letters"),
                "--rate",
                "1000",
                "--max-trades",
                "500");

    assertThat(exit).isZero();
    assertThat(TopicContents.readAll(kafka.bootstrapServers(), trades, Duration.ofSeconds(30)))
        .hasSize(500);
  }
}
