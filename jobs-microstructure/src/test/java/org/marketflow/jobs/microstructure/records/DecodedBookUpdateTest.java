package org.marketflow.jobs.microstructure.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.junit.jupiter.api.Test;
import org.marketflow.jobs.microstructure.book.BookLevels;
import org.marketflow.schemas.avro.AvroCodec;
import org.marketflow.schemas.avro.BookLevel;
import org.marketflow.schemas.avro.BookUpdate;
import org.marketflow.schemas.avro.RandomRecords;

/** The in-place decode against Avro's, on random updates and on bytes that are not an update. */
class DecodedBookUpdateTest {

  private final AvroCodec<BookUpdate> codec = AvroCodec.of(BookUpdate.class);

  @Test
  void decodesRandomUpdatesAsAvroDoesIntoTheSameInstance() throws IOException {
    Random random = new Random(23);
    DecodedBookUpdate decoded = new DecodedBookUpdate();
    for (int i = 0; i < 5_000; i++) {
      BookUpdate update = RandomRecords.bookUpdate(random);
      byte[] avro = codec.encode(update);
      // Within a larger buffer, as the update lies among the events waiting for the watermark.
      byte[] buffer = new byte[avro.length + 7];
      Arrays.fill(buffer, (byte) 0x55);
      System.arraycopy(avro, 0, buffer, 3, avro.length);

      decoded.decode(buffer, 3, avro.length);

      BookUpdate expected = avroRead(avro);
      assertThat(decoded.kind()).isEqualTo(expected.getKind());
      assertThat(decoded.exchangeTimeUs()).isEqualTo(expected.getExchangeTimeUs());
      assertThat(decoded.receiveTimeUs()).isEqualTo(expected.getReceiveTimeUs());
      assertThat(decoded.firstSequence()).isEqualTo(expected.getFirstSequence());
      assertThat(decoded.lastSequence()).isEqualTo(expected.getLastSequence());
      assertThat(decoded.previousSequence()).isEqualTo(expected.getPreviousSequence());
      assertThat(decoded.checksum()).isEqualTo(expected.getChecksum());
      assertSameLevels(decoded.bids(), expected.getBids());
      assertSameLevels(decoded.asks(), expected.getAsks());
    }
  }

  @Test
  void rejectsEveryCutAndATrailingByte() throws IOException {
    byte[] avro = codec.encode(RandomRecords.bookUpdate(new Random(29)));
    DecodedBookUpdate decoded = new DecodedBookUpdate();
    for (int length = 0; length < avro.length; length++) {
      int cut = length;
      assertThatThrownBy(() -> decoded.decode(avro, 0, cut))
          .as("%d of %d bytes", length, avro.length)
          .isInstanceOf(IOException.class);
    }
    byte[] longer = Arrays.copyOf(avro, avro.length + 1);
    assertThatThrownBy(() -> decoded.decode(longer, 0, longer.length))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("trailing bytes");
  }

  @Test
  void sizesNothingByACountItHasNotRead() throws IOException {
    // A header, then a bid array that claims a billion levels and holds one.
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    BinaryEncoder out = EncoderFactory.get().binaryEncoder(bytes, null);
    out.writeString("SIM:X");
    out.writeLong(1);
    out.writeLong(2);
    out.writeEnum(1);
    for (int i = 0; i < 4; i++) {
      out.writeIndex(0);
    }
    out.writeArrayStart();
    out.setItemCount(1_000_000_000L);
    out.startItem();
    out.writeDouble(100.0);
    out.writeDouble(1.0);
    out.writeIndex(0);
    out.flush();
    byte[] avro = bytes.toByteArray();

    assertThatThrownBy(() -> new DecodedBookUpdate().decode(avro, 0, avro.length))
        .isInstanceOf(IOException.class);
  }

  @Test
  void keepsAnAbsentOrderCountApartFromEveryInt() throws IOException {
    BookUpdate update =
        BookUpdate.newBuilder(RandomRecords.bookUpdate(new Random(31)))
            .setBids(
                List.of(
                    new BookLevel(10.0, 1.0, null),
                    new BookLevel(9.0, 1.0, -1),
                    new BookLevel(8.0, 1.0, Integer.MIN_VALUE)))
            .setAsks(List.of())
            .build();
    byte[] avro = codec.encode(update);
    DecodedBookUpdate decoded = new DecodedBookUpdate();

    decoded.decode(avro, 0, avro.length);

    assertThat(decoded.bids().orderCount(0)).isEqualTo(BookLevels.NO_ORDER_COUNT);
    assertThat(decoded.bids().orderCount(1)).isEqualTo(-1);
    assertThat(decoded.bids().orderCount(2)).isEqualTo(Integer.MIN_VALUE);
    assertThat(decoded.asks().count()).isZero();
  }

  @Test
  void readsLevelsWrittenInBlocksWithTheirSizes() throws IOException {
    BookUpdate update =
        BookUpdate.newBuilder(RandomRecords.bookUpdate(new Random(61))).setBids(levels(60)).build();
    // The blocking encoder writes each block's count negative, followed by its size in bytes.
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    BinaryEncoder out =
        new EncoderFactory().configureBlockSize(64).blockingBinaryEncoder(bytes, null);
    new SpecificDatumWriter<BookUpdate>(BookUpdate.getClassSchema()).write(update, out);
    out.flush();
    byte[] avro = bytes.toByteArray();
    DecodedBookUpdate decoded = new DecodedBookUpdate();

    decoded.decode(avro, 0, avro.length);

    assertThat(avro.length).isNotEqualTo(codec.encode(update).length);
    assertSameLevels(decoded.bids(), update.getBids());
    assertSameLevels(decoded.asks(), update.getAsks());
  }

  @Test
  void rejectsAnUnknownKindOrUnionBranchAndABadLength() throws IOException {
    BookUpdate update =
        BookUpdate.newBuilder(RandomRecords.bookUpdate(new Random(71)))
            .setInstrument("SIM:X")
            .setExchangeTimeUs(1)
            .setReceiveTimeUs(1)
            .build();
    byte[] avro = codec.encode(update);
    int kindAt = 1 + 5 + 1 + 1; // the instrument's length and bytes, then two one-byte times
    assertThat(avro[kindAt]).as("the kind's index").isIn((byte) 0, (byte) 2);
    DecodedBookUpdate decoded = new DecodedBookUpdate();

    for (byte bad : new byte[] {4, 1}) { // zig-zag: index 2, index -1
      byte[] kind = avro.clone();
      kind[kindAt] = bad;
      assertThatThrownBy(() -> decoded.decode(kind, 0, kind.length))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("book update kind");
    }
    byte[] branch = avro.clone();
    branch[kindAt + 1] = 4; // the first sequence's union branch 2
    assertThatThrownBy(() -> decoded.decode(branch, 0, branch.length))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("union branch 2");
    byte[] length = avro.clone();
    length[0] = 1; // an instrument of -1 bytes
    assertThatThrownBy(() -> decoded.decode(length, 0, length.length))
        .isInstanceOf(IOException.class);
  }

  private static List<BookLevel> levels(int n) {
    List<BookLevel> levels = new java.util.ArrayList<>();
    for (int i = 0; i < n; i++) {
      levels.add(new BookLevel(100.0 - i, 1.0 + i, i % 3 == 0 ? null : i));
    }
    return levels;
  }

  /** Avro's own reading of the record: its generic reader, not this project's readers. */
  private static BookUpdate avroRead(byte[] avro) throws IOException {
    return new SpecificDatumReader<BookUpdate>(BookUpdate.getClassSchema())
        .read(null, DecoderFactory.get().binaryDecoder(avro, null));
  }

  private static void assertSameLevels(BookLevels actual, List<BookLevel> expected) {
    assertThat(actual.count()).isEqualTo(expected.size());
    for (int i = 0; i < expected.size(); i++) {
      BookLevel level = expected.get(i);
      // Bits, not values: NaN and -0.0 must come out as they went in.
      assertThat(Double.doubleToRawLongBits(actual.price(i)))
          .isEqualTo(Double.doubleToRawLongBits(level.getPrice()));
      assertThat(Double.doubleToRawLongBits(actual.size(i)))
          .isEqualTo(Double.doubleToRawLongBits(level.getSize()));
      Integer count = level.getOrderCount();
      assertThat(actual.orderCount(i))
          .isEqualTo(count == null ? BookLevels.NO_ORDER_COUNT : count.longValue());
    }
  }
}
