package org.marketflow.ingest.kraken;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.marketflow.ingest.recording.CryptofeedRecording;
import org.marketflow.testing.data.SharedData;

/** Kraken's book checksum, on every update of a real recording of ten pairs. */
class KrakenChecksumTest {

  private final KrakenBookParser parser = new KrakenBookParser();

  @Test
  void everyUpdateOfTheRecordingVerifies() throws Exception {
    Map<String, KrakenBook> books = new HashMap<>();
    int[] counts = new int[3]; // snapshots, updates, verified
    try (CryptofeedRecording recording =
        CryptofeedRecording.open(SharedData.file("cryptofeed/KRAKEN.ws.50.0"))) {
      recording.forEach(
          line ->
              parser
                  .parse(line.message())
                  .ifPresent(
                      message -> {
                        KrakenBook book =
                            books.computeIfAbsent(
                                message.pair(), pair -> new KrakenBook(message.depth()));
                        if (message.snapshot()) {
                          counts[0]++;
                          book.reset(message.asks(), message.bids());
                        } else {
                          counts[1]++;
                          book.apply(message.asks(), message.bids());
                          if (book.checksum() == message.checksum()) {
                            counts[2]++;
                          }
                        }
                      }));
    }
    assertThat(counts[0]).as("snapshots").isEqualTo(10);
    assertThat(counts[1]).as("updates").isGreaterThan(4_000);
    assertThat(counts[2]).as("updates whose checksum verifies").isEqualTo(counts[1]);
  }

  @Test
  void aWrongBookFailsTheChecksum() {
    KrakenBook book = new KrakenBook(10);
    book.reset(
        List.of(new KrakenBook.Level("0.05005", "0.00000500")),
        List.of(new KrakenBook.Level("0.05000", "0.00000500")));
    long right = book.checksum();
    book.apply(List.of(new KrakenBook.Level("0.05006", "1.00000000")), List.of());
    assertThat(book.checksum()).isNotEqualTo(right);
    book.apply(List.of(new KrakenBook.Level("0.05006", "0.00000000")), List.of());
    assertThat(book.checksum()).isEqualTo(right);
  }

  @Test
  void dropsPointsAndLeadingZerosAsKrakenDocuments() {
    assertThat(KrakenBook.digits("0.05005")).isEqualTo("5005");
    assertThat(KrakenBook.digits("0.00000500")).isEqualTo("500");
    assertThat(KrakenBook.digits("56218.30000")).isEqualTo("5621830000");
  }

  @Test
  void refusesAnUpdateWithoutAChecksumOrWithABadLevel() {
    assertThatThrownBy(
            () ->
                parser.parse(
                    "[1,{\"a\":[[\"1.0\",\"2.0\",\"3.0\"]]},\"book-10\",\"XBT/USD\"]"
                        .getBytes(StandardCharsets.UTF_8)))
        .hasMessage("book update of XBT/USD without a checksum 'c'");
    assertThatThrownBy(
            () ->
                parser.parse(
                    "[1,{\"a\":[[\"0x1\",\"2.0\",\"3.0\"]],\"c\":\"1\"},\"book-10\",\"XBT/USD\"]"
                        .getBytes(StandardCharsets.UTF_8)))
        .hasMessage("field 'a' is not a decimal: '0x1'");
    assertThat(parser.parse("{\"event\":\"heartbeat\"}".getBytes(StandardCharsets.UTF_8)))
        .isEmpty();
  }
}
