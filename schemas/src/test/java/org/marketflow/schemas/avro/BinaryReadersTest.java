package org.marketflow.schemas.avro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecordBase;
import org.junit.jupiter.api.Test;

/** The hand-written readers against Avro's own reader, on random records and on hostile bytes. */
class BinaryReadersTest {

  private static final int RECORDS = 5_000;

  @Test
  void readTheFieldsTheSchemasHaveInTheirOrder() {
    // The readers read these fields in this order; a schema change must change them too.
    assertThat(fieldNames(BookUpdate.getClassSchema()))
        .containsExactly(
            "instrument:STRING",
            "exchangeTimeUs:LONG",
            "receiveTimeUs:LONG",
            "kind:ENUM",
            "firstSequence:UNION[NULL,LONG]",
            "lastSequence:UNION[NULL,LONG]",
            "previousSequence:UNION[NULL,LONG]",
            "checksum:UNION[NULL,LONG]",
            "bids:ARRAY",
            "asks:ARRAY");
    assertThat(fieldNames(BookLevel.getClassSchema()))
        .containsExactly("price:DOUBLE", "size:DOUBLE", "orderCount:UNION[NULL,INT]");
    assertThat(BookUpdateKind.getClassSchema().getEnumSymbols())
        .containsExactly("SNAPSHOT", "DELTA");
    assertThat(fieldNames(Trade.getClassSchema()))
        .containsExactly(
            "instrument:STRING",
            "exchangeTimeUs:LONG",
            "receiveTimeUs:LONG",
            "sequence:UNION[NULL,LONG]",
            "tradeId:UNION[NULL,STRING]",
            "price:DOUBLE",
            "size:DOUBLE",
            "side:ENUM",
            "isAmmTrade:UNION[NULL,BOOLEAN]",
            "orderId:UNION[NULL,STRING]");
    assertThat(Side.getClassSchema().getEnumSymbols()).containsExactly("BUY", "SELL", "UNKNOWN");
  }

  @Test
  void readBookUpdatesAsAvroDoes() throws IOException {
    Random random = new Random(7);
    BookUpdateReader reader = new BookUpdateReader();
    for (int i = 0; i < RECORDS; i++) {
      byte[] bytes = encode(RandomRecords.bookUpdate(random));
      BookUpdate expected = avroRead(BookUpdate.getClassSchema(), bytes);
      assertSameRecord(reader.read(decoder(bytes)), expected);
    }
  }

  @Test
  void readBookUpdateHeadersAsAvroDoes() throws IOException {
    Random random = new Random(13);
    EncodedBookUpdate.Reader reader = new EncodedBookUpdate.Reader();
    for (int i = 0; i < RECORDS; i++) {
      byte[] bytes = encode(RandomRecords.bookUpdate(random));
      BookUpdate expected = avroRead(BookUpdate.getClassSchema(), bytes);

      EncodedBookUpdate header = reader.read(bytes);

      assertThat(header.instrument).isEqualTo(expected.getInstrument());
      assertThat(header.exchangeTimeUs).isEqualTo(expected.getExchangeTimeUs());
      assertThat(header.receiveTimeUs).isEqualTo(expected.getReceiveTimeUs());
      assertThat(header.avro).isSameAs(bytes);
    }
  }

  @Test
  void readBookUpdateHeadersOnlyAsFarAsTheirTimes() throws IOException {
    BookUpdate update = RandomRecords.bookUpdate(new Random(17));
    byte[] bytes = encode(update);
    int headerEnd = bytes[0] / 2 + 1; // a short instrument: its length fits one byte
    headerEnd += varLongLength(bytes, headerEnd);
    headerEnd += varLongLength(bytes, headerEnd);

    // The body is left to the full decode: a header alone reads, a byte short of it does not.
    byte[] header = java.util.Arrays.copyOf(bytes, headerEnd);
    assertThat(new EncodedBookUpdate.Reader().read(header).exchangeTimeUs)
        .isEqualTo(update.getExchangeTimeUs());
    byte[] short1 = java.util.Arrays.copyOf(bytes, headerEnd - 1);
    assertThatThrownBy(() -> new EncodedBookUpdate.Reader().read(short1))
        .isInstanceOf(IOException.class);
  }

  @Test
  void readTradesAsAvroDoes() throws IOException {
    Random random = new Random(11);
    TradeReader reader = new TradeReader();
    for (int i = 0; i < RECORDS; i++) {
      byte[] bytes = encode(RandomRecords.trade(random));
      Trade expected = avroRead(Trade.getClassSchema(), bytes);
      assertSameRecord(reader.read(decoder(bytes)), expected);
    }
  }

  @Test
  void readArraysWrittenInSeveralBlocks() throws IOException {
    // Avro writers may split an array into blocks, with a negative count followed by a byte size.
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
    encoder.writeString("SIM:A");
    encoder.writeLong(1_000L);
    encoder.writeLong(1_001L);
    encoder.writeEnum(1);
    for (int i = 0; i < 4; i++) {
      encoder.writeIndex(0);
    }
    encoder.writeLong(-1); // a block of one level, then its size in bytes
    encoder.writeLong(17);
    encoder.writeDouble(100.0);
    encoder.writeDouble(2.0);
    encoder.writeIndex(0);
    encoder.writeLong(1); // a second block of one level
    encoder.writeDouble(99.5);
    encoder.writeDouble(3.0);
    encoder.writeIndex(1);
    encoder.writeInt(4);
    encoder.writeLong(0); // end of the bids
    encoder.writeLong(0); // no asks
    byte[] bytes = out.toByteArray();

    BookUpdate update = new BookUpdateReader().read(decoder(bytes));

    assertSameRecord(update, avroRead(BookUpdate.getClassSchema(), bytes));
    assertThat(update.getBids())
        .containsExactly(new BookLevel(100.0, 2.0, null), new BookLevel(99.5, 3.0, 4));
  }

  @Test
  void shareOneStringPerInstrument() throws IOException {
    TradeReader reader = new TradeReader();
    Random random = new Random(3);
    Trade first = RandomRecords.trade(random);
    first.setInstrument("BINANCE:BTCUSDT");
    Trade second = RandomRecords.trade(random);
    second.setInstrument(new String("BINANCE:BTCUSDT"));

    String a = reader.read(decoder(encode(first))).getInstrument();
    String b = reader.read(decoder(encode(second))).getInstrument();

    assertThat(a).isEqualTo("BINANCE:BTCUSDT").isSameAs(b);

    // Another id between them: the name read last is not mistaken for the next.
    Trade other = RandomRecords.trade(random);
    other.setInstrument("BINANCE:BTCUSDC");
    assertThat(reader.read(decoder(encode(other))).getInstrument()).isEqualTo("BINANCE:BTCUSDC");
    assertThat(reader.read(decoder(encode(first))).getInstrument()).isSameAs(a);
  }

  @Test
  void rejectAnUnknownUnionBranch() {
    byte[] bytes = encode(RandomRecords.trade(new Random(5)));
    // instrument, two longs, then the sequence's branch index: make it 2.
    int at = bytes[0] / 2 + 1;
    at += varLongLength(bytes, at);
    at += varLongLength(bytes, at);
    bytes[at] = 4; // zig-zag 2

    assertThatThrownBy(() -> new TradeReader().read(decoder(bytes)))
        .hasMessageContaining("union branch 2");
  }

  @Test
  void rejectAnEnumSymbolOutOfRange() {
    Trade trade = RandomRecords.trade(new Random(9));
    trade.setSequence(null);
    trade.setTradeId(null);
    byte[] bytes = encode(trade);
    int at = bytes[0] / 2 + 1;
    at += varLongLength(bytes, at);
    at += varLongLength(bytes, at);
    at += 2 + 16; // two null branches, price and size
    bytes[at] = 6; // zig-zag 3: no fourth side

    assertThatThrownBy(() -> new TradeReader().read(decoder(bytes)))
        .isInstanceOf(ArrayIndexOutOfBoundsException.class);
  }

  @Test
  void rejectTruncatedRecords() {
    byte[] bytes = encode(RandomRecords.bookUpdate(new Random(1)));
    for (int length = 0; length < bytes.length; length++) {
      byte[] truncated = java.util.Arrays.copyOf(bytes, length);
      assertThatThrownBy(() -> new BookUpdateReader().read(decoder(truncated)))
          .as("%d of %d bytes", length, bytes.length)
          .isInstanceOf(IOException.class);
    }
  }

  /**
   * Avro's record equality does not hold for a NaN field, so the records are compared by what they
   * print and by their bytes, which both show every field.
   */
  private static void assertSameRecord(SpecificRecordBase actual, SpecificRecordBase expected) {
    assertThat(actual).hasSameClassAs(expected).hasToString(expected.toString());
    assertThat(encode(actual)).isEqualTo(encode(expected));
  }

  private static List<String> fieldNames(Schema schema) {
    return schema.getFields().stream()
        .map(f -> f.name() + ":" + typeName(f.schema()))
        .collect(Collectors.toList());
  }

  private static String typeName(Schema schema) {
    if (schema.getType() != Schema.Type.UNION) {
      return schema.getType().toString();
    }
    return "UNION"
        + schema.getTypes().stream()
            .map(s -> s.getType().toString())
            .collect(Collectors.toList())
            .toString()
            .replace(" ", "");
  }

  private static int varLongLength(byte[] bytes, int at) {
    int length = 1;
    while ((bytes[at + length - 1] & 0x80) != 0) {
      length++;
    }
    return length;
  }

  private static byte[] encode(SpecificRecordBase record) {
    @SuppressWarnings("unchecked")
    AvroCodec<SpecificRecordBase> codec =
        (AvroCodec<SpecificRecordBase>) AvroCodec.of(record.getClass());
    return codec.encode(record);
  }

  private static <T> T avroRead(Schema schema, byte[] bytes) throws IOException {
    return new SpecificDatumReader<T>(schema).read(null, decoder(bytes));
  }

  private static BinaryDecoder decoder(byte[] bytes) {
    return DecoderFactory.get().binaryDecoder(bytes, null);
  }
}
