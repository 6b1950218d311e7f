package org.marketflow.ingest.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.marketflow.ingest.feed.FeedTally;
import org.marketflow.ingest.recording.Recording;
import org.marketflow.ingest.recording.Recordings;
import org.marketflow.schemas.avro.FeedState;
import org.marketflow.testing.data.SharedData;

/**
 * {@code ingest check} on the real Binance recordings: every symbol syncs from its REST snapshot
 * and diffs with no gap, and the book rebuilt from the published updates has exactly the venue's
 * best bid and ask (price and size) at every {@code bookTicker} whose update id is an applied
 * diff's.
 */
class RecordingCheckTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "binance-hftbacktest/spot_btcusdt_20240808.gz, 1, 564",
    "binance-hftbacktest/spot_ethusdt_20240808.gz, 1, 577",
    "binance-hftbacktest/usdm_btcusdt_20240808.gz, 1, 629",
    "cryptofeed/BINANCE.ws.1.0, 4, 26",
    "cryptofeed/BINANCE_FUTURES.ws.1.0, 4, 50",
    "cryptofeed/COINBASE.ws.28.0, 10, 0",
    "cryptofeed/KRAKEN.ws.50.0, 10, 0",
  })
  void everySymbolSyncsAndTheRebuiltTopIsTheVenues(String recording, int symbols, long comparisons)
      throws Exception {
    Path file = SharedData.file(recording);
    RecordingCheck.Result result;
    try (Recording opened = Recordings.open(file, null)) {
      result = RecordingCheck.run(opened);
    }
    System.out.println(result.report());

    assertThat(result.passed()).isTrue();
    assertThat(result.stats().deadLetters()).isZero();
    long compared = 0;
    int synced = 0;
    for (var entry : result.stats().tally().byInstrument().entrySet()) {
      FeedTally.Counts counts = entry.getValue();
      if (entry.getKey().equals("-")) {
        continue;
      }
      assertThat(counts.statuses(FeedState.GAP)).as(entry.getKey()).isZero();
      assertThat(counts.snapshots()).as(entry.getKey()).isEqualTo(1);
      assertThat(counts.deltas()).as(entry.getKey()).isPositive();
      synced++;
    }
    assertThat(synced).isEqualTo(symbols);
    for (String line : result.lines()) {
      int at = line.indexOf("top of book compared ");
      if (at >= 0) {
        String[] words = line.substring(at).split(" ");
        compared += Long.parseLong(words[4]);
      }
    }
    assertThat(compared).isEqualTo(comparisons);
  }

  @Test
  void aTopOfBookThatDisagreesWithTheVenueFailsTheCheck(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("spot_test_20240808.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write(
          String.join(
                  "\n",
                  "1723161254000000000 {\"lastUpdateId\":100,\"bids\":[[\"10.0\",\"1.0\"]],"
                      + "\"asks\":[[\"11.0\",\"2.0\"]]}",
                  "1723161254100000000 {\"stream\":\"abcusdt@depth@100ms\",\"data\":{"
                      + "\"e\":\"depthUpdate\",\"E\":1723161254100,\"s\":\"ABCUSDT\","
                      + "\"U\":101,\"u\":102,\"b\":[[\"10.5\",\"3.0\"]],\"a\":[]}}",
                  // The venue's best bid at 102 is 10.5 x 3.0; this ticker says 2.5.
                  "1723161254200000000 {\"stream\":\"abcusdt@bookTicker\",\"data\":{"
                      + "\"u\":102,\"s\":\"ABCUSDT\",\"b\":\"10.5\",\"B\":\"2.5\","
                      + "\"a\":\"11.0\",\"A\":\"2.0\"}}")
              .getBytes(StandardCharsets.UTF_8));
    }
    RecordingCheck.Result result;
    try (Recording recording = Recordings.open(file, null)) {
      result = RecordingCheck.run(recording);
    }

    assertThat(result.passed()).isFalse();
    assertThat(result.report())
        .contains("top of book compared 1 matched 0")
        .contains("first mismatch at update id 102: book 10.5 x 3.0 / 11.0 x 2.0")
        .endsWith("FAILED");
  }
}
