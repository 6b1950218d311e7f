package org.marketflow.ingest.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marketflow.ingest.feed.RawMessage;
import org.marketflow.ingest.feed.Venue;
import org.marketflow.ingest.feed.VenueFeed;
import org.marketflow.ingest.recording.HftBacktestRecording;
import org.marketflow.ingest.recording.RecordingLine;
import org.marketflow.schemas.kafka.RecordOrigin;

class RecorderTest {

  private static final long SECOND_NS = 1_000_000_000L;
  private static final long START_NS = 1_795_000_000L * SECOND_NS;

  private final List<String> fed = new ArrayList<>();
  private final List<String> resyncs = new ArrayList<>();

  private final VenueFeed feed =
      new VenueFeed() {
        @Override
        public void onMessage(RawMessage message) {
          fed.add(message.text());
        }

        @Override
        public void onRestSnapshot(String symbol, RawMessage body) {
          fed.add(symbol + " " + body.text());
        }

        @Override
        public void connected(long atUs) {}

        @Override
        public void disconnected(long atUs, String reason) {}

        @Override
        public void checkStale(long nowUs, long silenceUs) {}
      };

  @Test
  void binanceGetsAFilePerSymbolWithItsSnapshotsInline(@TempDir Path directory) throws Exception {
    try (Recorder recorder =
        new Recorder(
            Venue.BINANCE_USDM,
            List.of("BTCUSDT", "ETHUSDT"),
            feed,
            resyncs::add,
            directory,
            1 << 20,
            Duration.ofHours(1))) {
      recorder.onRestSnapshot("BTCUSDT", message("{\"lastUpdateId\":7}", 0));
      recorder.onMessage(message("{\"stream\":\"btcusdt@depth@100ms\",\"data\":{}}", 1));
      recorder.onMessage(message("{\"stream\":\"ethusdt@trade\",\"data\":{}}", 2));
      recorder.onMessage(message("{\"stream\":\"btcusdt@trade\",\"data\":{}}", 3));
    }
    assertThat(fed).hasSize(4);
    List<Path> files = files(directory);
    assertThat(files).hasSize(2);
    assertThat(files.get(0).getFileName().toString()).startsWith("usdm_btcusdt_");
    assertThat(HftBacktestRecording.venueOf(files.get(0))).isEqualTo(Venue.BINANCE_USDM);
    assertThat(texts(files.get(0)))
        .containsExactly(
            "{\"lastUpdateId\":7}",
            "{\"stream\":\"btcusdt@depth@100ms\",\"data\":{}}",
            "{\"stream\":\"btcusdt@trade\",\"data\":{}}");
    assertThat(texts(files.get(1))).containsExactly("{\"stream\":\"ethusdt@trade\",\"data\":{}}");
    assertThat(resyncs).isEmpty();
  }

  @Test
  void aRotationStartsANewFileAndResyncsItsBooks(@TempDir Path directory) throws Exception {
    try (Recorder recorder =
        new Recorder(
            Venue.KRAKEN,
            List.of("XBT/USD", "ETH/USD"),
            feed,
            resyncs::add,
            directory,
            1 << 20,
            Duration.ofMinutes(1))) {
      recorder.onMessage(message("[1,{\"a\":[]},\"book-10\",\"XBT/USD\"]", 0));
      recorder.onMessage(message("[2,{\"a\":[]},\"book-10\",\"ETH/USD\"]", 59));
      assertThat(resyncs).isEmpty();
      recorder.onMessage(message("[1,{\"b\":[]},\"book-10\",\"XBT/USD\"]", 60));
      assertThat(resyncs).containsExactly("XBT/USD", "ETH/USD");
      assertThat(recorder.files()).isEqualTo(2);
      assertThat(recorder.lines()).isEqualTo(3);
    }
    List<Path> files = files(directory);
    assertThat(files).hasSize(2);
    assertThat(files.get(0).getFileName().toString()).startsWith("kraken_xbt-usd+eth-usd_");
    assertThat(HftBacktestRecording.venueOf(files.get(0))).isEqualTo(Venue.KRAKEN);
    assertThat(texts(files.get(0))).hasSize(2);
    assertThat(texts(files.get(1))).containsExactly("[1,{\"b\":[]},\"book-10\",\"XBT/USD\"]");
  }

  @Test
  void theStreamNameGivesBinancesSymbol() {
    assertThat(Recorder.streamSymbol(bytes("{\"stream\":\"btcusdt@bookTicker\",\"data\":{}}")))
        .isEqualTo("BTCUSDT");
    assertThat(Recorder.streamSymbol(bytes("{\"lastUpdateId\":1}"))).isNull();
    assertThat(Recorder.streamSymbol(bytes("{\"stream\":\"btcusdt"))).isNull();
  }

  private static RawMessage message(String text, long second) {
    return RawMessage.of(text, START_NS + second * SECOND_NS, new RecordOrigin("test", null, 0L));
  }

  private static byte[] bytes(String text) {
    return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  private static List<Path> files(Path directory) throws IOException {
    try (Stream<Path> listed = Files.list(directory)) {
      return listed.sorted().toList();
    }
  }

  private static List<String> texts(Path file) throws IOException {
    List<String> texts = new ArrayList<>();
    try (HftBacktestRecording recording = HftBacktestRecording.open(file)) {
      recording.forEach(
          new HftBacktestRecording.LineHandler() {
            @Override
            public void line(RecordingLine line) {
              texts.add(line.text());
            }

            @Override
            public void malformed(HftBacktestRecording.MalformedLine line) {
              throw new AssertionError("malformed " + line);
            }

            @Override
            public void truncated(HftBacktestRecording.MalformedLine partial) {
              throw new AssertionError("truncated " + partial);
            }
          });
    }
    return texts;
  }
}
