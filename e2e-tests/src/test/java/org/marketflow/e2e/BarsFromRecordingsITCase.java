package org.marketflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.marketflow.ingest.kafka.NormalizedPublisher;
import org.marketflow.ingest.replay.Pacer;
import org.marketflow.ingest.replay.Replay;
import org.marketflow.jobs.common.JobRunner;
import org.marketflow.jobs.common.options.JobConfigBuilder;
import org.marketflow.jobs.common.options.JobOptions;
import org.marketflow.jobs.ohlc.OhlcJob;
import org.marketflow.jobs.ohlc.OhlcOptions;
import org.marketflow.migrate.MigrateCommand;
import org.marketflow.schemas.avro.AvroCodec;
import org.marketflow.schemas.avro.DeadLetter;
import org.marketflow.schemas.bars.BarInterval;
import org.marketflow.testing.data.OhlcBarRows;
import org.marketflow.testing.data.SharedData;
import org.marketflow.testing.junit.FlinkMiniCluster;
import org.marketflow.testing.servers.EmbeddedKafka;
import org.marketflow.testing.servers.LocalPostgres;
import org.marketflow.testing.servers.PostgresDatabase;
import org.marketflow.testing.servers.TopicContents;

/**
 * jobs-ohlc over the real recordings, every interval from 1s to 1d: each stored bar equals, field
 * by field, what a plain loop over the recording computes ({@link ReferenceBars}); and a recording
 * with a trade stamped 6 hours ahead, whose trades are then published with repetitions, gives the
 * same bars as the clean one, run after run.
 */
class BarsFromRecordingsITCase {

  @RegisterExtension static final MiniClusterExtension FLINK = FlinkMiniCluster.extension();

  private static final long HOURS_6_MS = 6 * 3_600_000L;
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  @ParameterizedTest
  @ValueSource(
      strings = {
        "binance-hftbacktest/spot_btcusdt_20240808.gz",
        "binance-hftbacktest/spot_ethusdt_20240808.gz",
        "binance-hftbacktest/usdm_btcusdt_20240808.gz"
      })
  void everyIntervalsBarsEqualAPlainLoopOverTheRecording(String name) throws Exception {
    Path recording = SharedData.file(name);
    EmbeddedKafka kafka = EmbeddedKafka.shared();
    String trades = kafka.uniqueTopic("trades");
    String deadLetters = kafka.uniqueTopic("dead-letters");
    kafka.createTopic(trades, 2);
    replay(kafka, recording, trades, deadLetters);
    try (PostgresDatabase db = LocalPostgres.shared().createDatabase("recording")) {
      runJob(kafka, db, trades, deadLetters);

      Map<String, Map<Long, OhlcBarRows.Row>> stored = storedBars(db);
      int compared = 0;
      for (BarInterval interval : BarInterval.values()) {
        Map<Long, ReferenceBars.Bar> expected =
            ReferenceBars.fromRecording(recording, interval.millis());
        Map<Long, OhlcBarRows.Row> got = stored.get(interval.code());
        assertThat(got).as(interval.code()).isNotNull();
        assertThat(got.keySet()).as(interval.code()).isEqualTo(expected.keySet());
        for (ReferenceBars.Bar want : expected.values()) {
          assertSame(got.get(want.startMs), want, name + " " + interval.code());
          compared++;
        }
      }
      assertThat(compared).isGreaterThan(300);
      assertThat(TopicContents.readAll(kafka.bootstrapServers(), deadLetters, TIMEOUT)).isEmpty();
    }
  }

  @Test
  void aTradeStampedHoursAheadAndRepeatedTradesChangeNoBar(@TempDir Path tmp) throws Exception {
    Path recording = SharedData.file("binance-hftbacktest/spot_btcusdt_20240808.gz");
    Path hostile = tmp.resolve("hostile.gz");
    Path clean = tmp.resolve("clean.gz");
    tamper(recording, hostile, clean);
    EmbeddedKafka kafka = EmbeddedKafka.shared();
    String received = kafka.uniqueTopic("hostile-received");
    String trades = kafka.uniqueTopic("hostile-trades");
    String deadLetters = kafka.uniqueTopic("hostile-dead-letters");
    kafka.createTopic(received, 1);
    kafka.createTopic(trades, 2);
    replay(kafka, hostile, received, deadLetters);
    int repeated = publishWithRepeats(kafka, received, trades);
    try (PostgresDatabase db = LocalPostgres.shared().createDatabase("hostile")) {
      runJob(kafka, db, trades, deadLetters);
      Map<String, Map<Long, OhlcBarRows.Row>> first = storedBars(db);
      runJob(kafka, db, trades, deadLetters); // the same file again: the same bars
      assertThat(storedBars(db)).isEqualTo(first);

      for (BarInterval interval : BarInterval.values()) {
        Map<Long, ReferenceBars.Bar> expected =
            ReferenceBars.fromRecording(clean, interval.millis());
        assertThat(first.get(interval.code()).keySet()).isEqualTo(expected.keySet());
        for (ReferenceBars.Bar want : expected.values()) {
          assertSame(first.get(interval.code()).get(want.startMs), want, interval.code());
        }
      }
      List<String> stages = new ArrayList<>();
      for (ConsumerRecord<byte[], byte[]> r :
          TopicContents.readAll(kafka.bootstrapServers(), deadLetters, TIMEOUT)) {
        DeadLetter letter = AvroCodec.of(DeadLetter.class).decode(r.value());
        stages.add(letter.getStage() + ": " + letter.getReason());
      }
      // Each run rejects the moved trade and the repetitions again.
      assertThat(stages.stream().filter(s -> s.startsWith("jobs-ohlc.validate")))
          .hasSize(2)
          .allMatch(s -> s.contains("ahead of the receive time"));
      assertThat(stages.stream().filter(s -> s.startsWith("jobs-ohlc.duplicate")))
          .hasSize(2 * repeated);
      assertThat(stages).hasSize(2 + 2 * repeated);
    }
  }

  /** The bar the plain loop computed, as {@code ohlc_bars} must hold it: final, any revision. */
  private static void assertSame(OhlcBarRows.Row got, ReferenceBars.Bar want, String what) {
    assertThat(got).as(what + " bar at " + want.startMs).isNotNull();
    assertThat(got)
        .as(what + " bar at " + want.startMs)
        .isEqualTo(
            new OhlcBarRows.Row(
                got.instrument(),
                got.interval(),
                want.startMs * 1_000,
                want.open,
                want.high,
                want.low,
                want.close,
                want.volume(),
                want.quoteVolume(),
                want.trades,
                want.vwap(),
                want.firstMs * 1_000,
                want.lastMs * 1_000,
                0,
                want.buyVolume(),
                want.sellVolume(),
                want.buyTrades,
                want.sellTrades,
                true));
  }

  /** Stored bars, revisions aside, by interval code, then by start (ms): one instrument each. */
  private static Map<String, Map<Long, OhlcBarRows.Row>> storedBars(PostgresDatabase db)
      throws Exception {
    Map<String, Map<Long, OhlcBarRows.Row>> bars = new TreeMap<>();
    try (Connection c = db.connect()) {
      for (OhlcBarRows.Row row : OhlcBarRows.all(c)) {
        bars.computeIfAbsent(row.interval(), i -> new TreeMap<>())
            .put(row.bucketStartUs() / 1_000, row.withRevision(0));
      }
    }
    return bars;
  }

  private static void replay(EmbeddedKafka kafka, Path recording, String trades, String letters)
      throws Exception {
    try (NormalizedPublisher publisher =
        new NormalizedPublisher(kafka.bootstrapServers(), trades, letters)) {
      new Replay(publisher, Pacer.asFastAsPossible()).replay(recording);
    }
  }

  private static void runJob(
      EmbeddedKafka kafka, PostgresDatabase db, String trades, String deadLetters)
      throws Exception {
    assertThat(
            MigrateCommand.run(
                "--jdbc-url", db.jdbcUrl(), "--user", db.user(), "--password", db.password()))
        .isZero();
    Configuration config =
        JobConfigBuilder.bounded(kafka.bootstrapServers(), "rec-" + System.nanoTime())
            .jdbc(db.jdbcUrl(), db.user(), db.password())
            .set(OhlcOptions.TRADES_TOPIC, trades)
            .set(OhlcOptions.BARS_TOPIC, kafka.uniqueTopic("bars"))
            .set(JobOptions.DEAD_LETTERS_TOPIC, deadLetters)
            .build();
    JobRunner.execute(new OhlcJob(), config);
  }

  private static BufferedWriter gzipWriter(Path file) throws Exception {
    return new BufferedWriter(
        new OutputStreamWriter(
            new GZIPOutputStream(Files.newOutputStream(file)), StandardCharsets.UTF_8));
  }

  /**
   * Publishes the normalized trades of {@code from} to {@code to} in order, one in 500 twice in a
   * row, as a venue resending a trade would; returns how many were repeated.
   */
  private static int publishWithRepeats(EmbeddedKafka kafka, String from, String to)
      throws Exception {
    int repeated = 0;
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
            new ByteArraySerializer(),
            new ByteArraySerializer())) {
      int i = 0;
      for (ConsumerRecord<byte[], byte[]> r :
          TopicContents.readAll(kafka.bootstrapServers(), from, TIMEOUT)) {
        ProducerRecord<byte[], byte[]> copy =
            new ProducerRecord<>(to, null, r.timestamp(), r.key(), r.value());
        producer.send(copy);
        if (++i % 500 == 250) { // not the 1,000th, the moved one
          producer.send(copy);
          repeated++;
        }
      }
    }
    return repeated;
  }

  private static final Pattern TRADE_TIME = Pattern.compile("\"T\":(\\d+)");

  /**
   * Copies the recording to {@code hostile} with its 1,000th trade stamped 6 hours ahead, and to
   * {@code clean} without that trade: the bars both must give.
   */
  private static void tamper(Path from, Path hostile, Path clean) throws Exception {
    int trades = 0;
    try (BufferedReader in =
            new BufferedReader(
                new InputStreamReader(
                    new GZIPInputStream(Files.newInputStream(from)), StandardCharsets.UTF_8));
        BufferedWriter out = gzipWriter(hostile);
        BufferedWriter cleanOut = gzipWriter(clean)) {
      String line;
      while ((line = in.readLine()) != null) {
        if (!line.contains("@trade\"")) {
          out.write(line);
          out.newLine();
          cleanOut.write(line);
          cleanOut.newLine();
          continue;
        }
        trades++;
        if (trades == 1_000) {
          Matcher time = TRADE_TIME.matcher(line);
          assertThat(time.find()).isTrue();
          long moved = Long.parseLong(time.group(1)) + HOURS_6_MS;
          out.write(time.replaceFirst("\"T\":" + moved));
          out.newLine();
          continue;
        }
        out.write(line);
        out.newLine();
        cleanOut.write(line);
        cleanOut.newLine();
      }
    }
  }
}
