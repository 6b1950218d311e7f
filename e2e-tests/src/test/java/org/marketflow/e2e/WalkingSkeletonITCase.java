package org.marketflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.marketflow.ingest.kafka.NormalizedPublisher;
import org.marketflow.ingest.replay.Pacer;
import org.marketflow.ingest.replay.Replay;
import org.marketflow.ingest.replay.ReplayStats;
import org.marketflow.jobs.common.JobRunner;
import org.marketflow.jobs.common.options.JobConfigBuilder;
import org.marketflow.jobs.common.options.JobOptions;
import org.marketflow.jobs.ohlc.OhlcJob;
import org.marketflow.jobs.ohlc.OhlcOptions;
import org.marketflow.migrate.MigrateCommand;
import org.marketflow.testing.data.SharedData;
import org.marketflow.testing.junit.FlinkMiniCluster;
import org.marketflow.testing.servers.EmbeddedKafka;
import org.marketflow.testing.servers.LocalPostgres;
import org.marketflow.testing.servers.PostgresDatabase;
import org.marketflow.testing.service.ServingApiProcess;

/**
 * The walking skeleton on real servers and real data: a Binance recording replayed into Kafka,
 * jobs-ohlc on a Flink MiniCluster into PostgreSQL, and the packaged API service, in a process of
 * its own, answering with bars equal field by field to a plain loop over the recording.
 */
class WalkingSkeletonITCase {

  @RegisterExtension static final MiniClusterExtension FLINK = FlinkMiniCluster.extension();

  private static final String RECORDING = "binance-hftbacktest/spot_btcusdt_20240808.gz";

  @Test
  void servesTheBarsOfARecordedFeed(@TempDir Path tmp) throws Exception {
    Path recording = SharedData.file(RECORDING);
    EmbeddedKafka kafka = EmbeddedKafka.shared();
    String trades = kafka.uniqueTopic("trades");
    String bars = kafka.uniqueTopic("bars");
    String deadLetters = kafka.uniqueTopic("dead-letters");
    kafka.createTopic(trades, 2);
    kafka.createTopic(bars, 2);
    kafka.createTopic(deadLetters, 1);
    try (PostgresDatabase db = LocalPostgres.shared().createDatabase("e2e")) {

      ReplayStats replayed;
      try (NormalizedPublisher publisher =
          new NormalizedPublisher(kafka.bootstrapServers(), trades, deadLetters)) {
        replayed = new Replay(publisher, Pacer.asFastAsPossible()).replay(recording);
      }
      assertThat(replayed.trades()).isEqualTo(9_757);
      assertThat(replayed.deadLetters()).isZero();

      assertThat(
              MigrateCommand.run(
                  "--jdbc-url", db.jdbcUrl(), "--user", db.user(), "--password", db.password()))
          .isZero();
      Configuration config =
          JobConfigBuilder.bounded(kafka.bootstrapServers(), "e2e-" + trades)
              .jdbc(db.jdbcUrl(), db.user(), db.password())
              .set(OhlcOptions.TRADES_TOPIC, trades)
              .set(OhlcOptions.BARS_TOPIC, bars)
              .set(JobOptions.DEAD_LETTERS_TOPIC, deadLetters)
              .build();
      JobRunner.execute(new OhlcJob(), config);

      Map<Long, ReferenceBars.Bar> expected = ReferenceBars.fromRecording(recording);
      assertThat(expected).hasSizeGreaterThanOrEqualTo(6);

      try (ServingApiProcess api =
          ServingApiProcess.start(
              ServingApiProcess.packagedJar(),
              0,
              Map.of(
                  "MARKETFLOW_PG_URL", db.jdbcUrl(),
                  "MARKETFLOW_PG_USER", db.user(),
                  "MARKETFLOW_PG_PASSWORD", db.password()),
              Files.createFile(tmp.resolve("serving-api.log")),
              Duration.ofSeconds(60))) {
        String readKey = api.createKey("e2e", "read");
        JsonNode body =
            get(
                readKey,
                api.baseUri()
                    .resolve(
                        "/api/institutional/market-data/ohlc?instrument=BINANCE:BTCUSDT&interval=1m"
                            + "&startTime=2024-08-08T23:00:00Z&endTime=2024-08-09T01:00:00Z"
                            + "&limit=1000"));
        List<JsonNode> served = new ArrayList<>();
        body.get("bars").forEach(served::add);

        assertThat(served).hasSize(expected.size());
        int i = 0;
        for (ReferenceBars.Bar want : expected.values()) {
          JsonNode got = served.get(i++);
          assertThat(Instant.parse(got.get("timestamp").asText()).toEpochMilli())
              .isEqualTo(want.startMs);
          assertThat(got.get("instrument").asText()).isEqualTo("BINANCE:BTCUSDT");
          assertThat(got.get("interval").asText()).isEqualTo("1m");
          assertThat(got.get("open").asDouble()).isEqualTo(want.open);
          assertThat(got.get("high").asDouble()).isEqualTo(want.high);
          assertThat(got.get("low").asDouble()).isEqualTo(want.low);
          assertThat(got.get("close").asDouble()).isEqualTo(want.close);
          assertThat(got.get("volume").asDouble()).isEqualTo(want.volume());
          assertThat(got.get("quoteVolume").asDouble()).isEqualTo(want.quoteVolume());
          assertThat(got.get("trades").asLong()).isEqualTo(want.trades);
          assertThat(got.get("vwap").asDouble()).isEqualTo(want.vwap());
          assertThat(Instant.parse(got.get("firstTradeTime").asText()).toEpochMilli())
              .isEqualTo(want.firstMs);
          assertThat(Instant.parse(got.get("lastTradeTime").asText()).toEpochMilli())
              .isEqualTo(want.lastMs);
        }
        assertThat(served.stream().mapToLong(b -> b.get("trades").asLong()).sum()).isEqualTo(9_757);
      }
    }
  }

  private static JsonNode get(String apiKey, URI uri) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(uri).header(ServingApiProcess.API_KEY_HEADER, apiKey).build();
    HttpResponse<String> response =
        HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return new ObjectMapper().readTree(response.body());
  }
}
