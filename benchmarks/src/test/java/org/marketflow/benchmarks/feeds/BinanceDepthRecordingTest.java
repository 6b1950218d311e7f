package org.marketflow.benchmarks.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marketflow.schemas.avro.BookLevel;

class BinanceDepthRecordingTest {

  private static final String DIFF_BEFORE_SNAPSHOT =
      "1723161253937085768 {\"stream\":\"btcusdt@depth@100ms\",\"data\":{\"e\":\"depthUpdate\","
          + "\"E\":1723161255208,\"s\":\"BTCUSDT\",\"U\":100,\"u\":110,"
          + "\"b\":[[\"61737.63\",\"0.00000000\"]],\"a\":[]}}";
  private static final String SNAPSHOT =
      "1723161254000000000 {\"lastUpdateId\":115,\"bids\":[[\"61737.00\",\"1.5\"]],"
          + "\"asks\":[[\"61738.00\",\"2.0\"],[\"61739.00\",\"0.5\"]]}";
  private static final String TRADE =
      "1723161254087896568 {\"stream\":\"btcusdt@trade\",\"data\":{\"e\":\"trade\","
          + "\"E\":1723161255343,\"s\":\"BTCUSDT\",\"t\":3735683259,\"p\":\"61837.63000000\","
          + "\"q\":\"0.02000000\",\"T\":1723161255342,\"m\":true,\"M\":true}}";
  private static final String DIFF_AFTER_SNAPSHOT =
      "1723161254137307667 {\"stream\":\"btcusdt@depth@100ms\",\"data\":{\"e\":\"depthUpdate\","
          + "\"E\":1723161255408,\"s\":\"BTCUSDT\",\"U\":111,\"u\":120,"
          + "\"b\":[[\"61737.00\",\"0\"],[\"61736.50\",\"3.25\"]],\"a\":[[\"61738.00\",\"1\"]]}}";

  @TempDir Path directory;

  @Test
  void keepsEveryDiffForParsingAndTheDiffsAfterTheSnapshotForTheBook() throws IOException {
    Path file =
        recording(
            "spot_btcusdt_test.gz",
            DIFF_BEFORE_SNAPSHOT,
            SNAPSHOT,
            TRADE,
            "not a line of the recording",
            DIFF_AFTER_SNAPSHOT);

    BinanceDepthRecording depth = BinanceDepthRecording.read(file);

    assertThat(depth.messages())
        .extracting(bytes -> new String(bytes, StandardCharsets.UTF_8))
        .containsExactly(
            DIFF_BEFORE_SNAPSHOT.substring(DIFF_BEFORE_SNAPSHOT.indexOf(' ') + 1),
            DIFF_AFTER_SNAPSHOT.substring(DIFF_AFTER_SNAPSHOT.indexOf(' ') + 1));
    assertThat(depth.receiveTimesUs()).containsExactly(1723161253937085L, 1723161254137307L);
    assertThat(depth.snapshot().lastUpdateId()).isEqualTo(115);
    assertThat(depth.snapshot().asks()).hasSize(2);
    assertThat(depth.diffs()).hasSize(1);
    assertThat(depth.diffs().get(0).bids())
        .containsExactly(new BookLevel(61737.0, 0.0, null), new BookLevel(61736.5, 3.25, null));
    assertThat(depth.levelUpdates()).isEqualTo(3);
  }

  @Test
  void refusesARecordingWithoutSnapshot() throws IOException {
    Path file = recording("spot_btcusdt_test.gz", DIFF_BEFORE_SNAPSHOT, TRADE);

    assertThatThrownBy(() -> BinanceDepthRecording.read(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("recording " + file + " holds no depth snapshot");
  }

  @Test
  void refusesARecordingWithoutDiffAfterItsSnapshot() throws IOException {
    Path file = recording("spot_btcusdt_test.gz", DIFF_BEFORE_SNAPSHOT, SNAPSHOT);

    assertThatThrownBy(() -> BinanceDepthRecording.read(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("recording " + file + " holds no depth diff after its snapshot");
  }

  private Path recording(String name, String... lines) throws IOException {
    Path file = directory.resolve(name);
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
    }
    return file;
  }
}
