package org.marketflow.jobs.microstructure.state;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;
import org.marketflow.jobs.microstructure.book.BookSide;
import org.marketflow.jobs.microstructure.book.L2Book;
import org.marketflow.schemas.avro.BookLevel;
import org.marketflow.testing.data.SharedData;

/**
 * The checkpointed size of a real book: Binance's REST depth snapshot of BTCUSDT, 1,000 levels a
 * side, as recorded on 2024-08-08, is 32,010 bytes in state (16 bytes a level, 10 a book).
 */
class RecordedBinanceBookTest {

  @Test
  void aThousandLevelBinanceBookIs32010BytesInState() throws IOException {
    JsonNode snapshot = firstRestSnapshot("binance-hftbacktest/spot_btcusdt_20240808.gz");
    L2Book book = new L2Book();
    book.reset(levels(snapshot.get("bids")), levels(snapshot.get("asks")));

    assertThat(book.levelCount(BookSide.BID)).isEqualTo(1_000);
    assertThat(book.levelCount(BookSide.ASK)).isEqualTo(1_000);
    assertThat(book.bestBid()).isEqualTo(61_837.63);
    assertThat(book.bestBidSize()).isEqualTo(3.78826);
    assertThat(book.isCrossed()).isFalse();

    DataOutputSerializer out = new DataOutputSerializer(64 * 1024);
    L2BookSerializer.INSTANCE.serialize(book, out);
    assertThat(out.length()).isEqualTo(32_010);
    L2Book restored =
        L2BookSerializer.INSTANCE.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
    assertThat(restored).isEqualTo(book);
  }

  /** The first {@code {"lastUpdateId":...,"bids":[...],"asks":[...]}} line of a recording. */
  private static JsonNode firstRestSnapshot(String recording) throws IOException {
    try (BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(SharedData.file(recording))),
                StandardCharsets.UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        String message = line.substring(line.indexOf(' ') + 1);
        if (message.startsWith("{\"lastUpdateId\"")) {
          return new ObjectMapper().readTree(message);
        }
      }
    }
    throw new IllegalStateException(recording + " has no REST depth snapshot");
  }

  private static List<BookLevel> levels(JsonNode pairs) {
    List<BookLevel> levels = new ArrayList<>();
    for (JsonNode pair : pairs) {
      levels.add(
          new BookLevel(
              Double.parseDouble(pair.get(0).asText()),
              Double.parseDouble(pair.get(1).asText()),
              null));
    }
    return levels;
  }
}
