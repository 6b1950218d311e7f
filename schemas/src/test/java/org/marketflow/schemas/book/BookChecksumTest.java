package org.marketflow.schemas.book;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.marketflow.schemas.avro.BookLevel;
import org.marketflow.schemas.avro.MicrostructureFixtures;
import org.marketflow.schemas.avro.OrderBookSnapshot;

class BookChecksumTest {

  private static final List<BookLevel> BIDS =
      List.of(level(61_837.63, 0.02), level(61_837.62, 1.5));
  private static final List<BookLevel> ASKS = List.of(level(61_837.64, 0.75));

  @Test
  void writesEachLevelAsTheHexBitsOfPriceAndSizeBidsFirst() {
    assertThat(BookChecksum.canonicalText(BIDS, ASKS))
        .isEqualTo(
            "B 40ee31b428f5c28f 3f947ae147ae147b\n"
                + "B 40ee31b3d70a3d71 3ff8000000000000\n"
                + "A 40ee31b47ae147ae 3fe8000000000000\n");
  }

  @Test
  void isTheCrc32OfTheCanonicalText() {
    // Python: zlib.crc32(text.encode('ascii')) for the text above.
    assertThat(BookChecksum.of(BIDS, ASKS)).isEqualTo(341_077_034L);
  }

  @Test
  void isZeroForAnEmptyBook() {
    assertThat(BookChecksum.canonicalText(List.of(), List.of())).isEmpty();
    assertThat(BookChecksum.of(List.of(), List.of())).isZero();
  }

  @Test
  void tellsWhichSideALevelIsOnAndIgnoresOrderCounts() {
    assertThat(BookChecksum.of(List.of(), BIDS)).isNotEqualTo(BookChecksum.of(BIDS, List.of()));
    BookLevel counted = BookLevel.newBuilder(level(61_837.64, 0.75)).setOrderCount(3).build();
    assertThat(BookChecksum.of(BIDS, List.of(counted))).isEqualTo(BookChecksum.of(BIDS, ASKS));
  }

  @Test
  void isUnsigned() {
    // Python: zlib.crc32(b'B 3ff0000000000000 3fd0000000000000\n'), above 2^31.
    assertThat(BookChecksum.of(List.of(level(1.0, 0.25)), List.of())).isEqualTo(2_281_460_688L);
  }

  @Test
  void theFixtureSnapshotCarriesTheChecksumOfItsLevels() {
    OrderBookSnapshot snapshot = MicrostructureFixtures.snapshot();
    assertThat(BookChecksum.of(snapshot.getBids(), snapshot.getAsks()))
        .isEqualTo(snapshot.getChecksum());
  }

  private static BookLevel level(double price, double size) {
    return BookLevel.newBuilder().setPrice(price).setSize(size).build();
  }
}
