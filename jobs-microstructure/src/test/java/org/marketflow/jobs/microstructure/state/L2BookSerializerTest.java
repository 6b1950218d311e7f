package org.marketflow.jobs.microstructure.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import org.apache.flink.api.common.typeutils.SerializerTestBase;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;
import org.marketflow.jobs.microstructure.book.BookSide;
import org.marketflow.jobs.microstructure.book.L2Book;

/** Flink's contract tests for a serializer, and the byte layout the class comment promises. */
class L2BookSerializerTest extends SerializerTestBase<L2Book> {

  @Override
  protected TypeSerializer<L2Book> createSerializer() {
    return L2BookSerializer.INSTANCE;
  }

  @Override
  protected int getLength() {
    return -1;
  }

  @Override
  protected Class<L2Book> getTypeClass() {
    return L2Book.class;
  }

  @Override
  protected L2Book[] getTestData() {
    L2Book empty = new L2Book();
    L2Book oneSided = new L2Book();
    oneSided.set(BookSide.ASK, 101.0, 2.5, L2Book.NO_ORDER_COUNT);
    L2Book exchange = book(200, L2Book.NO_ORDER_COUNT);
    L2Book predictionMarket = book(20, 3);
    predictionMarket.set(BookSide.BID, 0.5, 1.0, L2Book.NO_ORDER_COUNT);
    return new L2Book[] {empty, oneSided, exchange, predictionMarket};
  }

  @Test
  void writesSixteenBytesALevelAndTenABook() throws IOException {
    assertThat(bytes(new L2Book())).isEqualTo(10);
    assertThat(bytes(book(200, L2Book.NO_ORDER_COUNT))).isEqualTo(10 + 400 * 16);
    assertThat(bytes(book(200, 7))).as("with order counts").isEqualTo(10 + 400 * 20);
  }

  @Test
  void restoresFromItsSnapshotAsItWas() throws Exception {
    DataOutputSerializer out = new DataOutputSerializer(64);
    TypeSerializerSnapshot.writeVersionedSnapshot(
        out, L2BookSerializer.INSTANCE.snapshotConfiguration());
    TypeSerializerSnapshot<L2Book> read =
        TypeSerializerSnapshot.readVersionedSnapshot(
            new DataInputDeserializer(out.getCopyOfBuffer()), getClass().getClassLoader());

    assertThat(read.restoreSerializer()).isSameAs(L2BookSerializer.INSTANCE);
    assertThat(
            L2BookSerializer.INSTANCE
                .snapshotConfiguration()
                .resolveSchemaCompatibility(read)
                .isCompatibleAsIs())
        .isTrue();
  }

  @Test
  void rejectsLevelsOutOfOrderAsCorrupt() throws IOException {
    DataOutputSerializer out = new DataOutputSerializer(64);
    out.writeInt(2);
    out.writeByte(0);
    out.writeDouble(100.0);
    out.writeDouble(1.0);
    out.writeDouble(99.0);
    out.writeDouble(1.0);

    assertThatThrownBy(
            () ->
                L2BookSerializer.INSTANCE.deserialize(
                    new DataInputDeserializer(out.getCopyOfBuffer())))
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith("corrupt L2Book: BID 99.0 is not better than the best BID 100.0");
  }

  static int bytes(L2Book book) throws IOException {
    DataOutputSerializer out = new DataOutputSerializer(1024);
    L2BookSerializer.INSTANCE.serialize(book, out);
    return out.length();
  }

  /** {@code levels} levels a side around 100, with {@code orderCount} orders each. */
  static L2Book book(int levels, int orderCount) {
    L2Book book = new L2Book();
    for (int i = 0; i < levels; i++) {
      book.set(BookSide.BID, 99.99 - i * 0.01, 1.0 + i, orderCount);
      book.set(BookSide.ASK, 100.01 + i * 0.01, 2.0 + i, orderCount);
    }
    return book;
  }
}
