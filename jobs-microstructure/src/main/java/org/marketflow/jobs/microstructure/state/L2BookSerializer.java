package org.marketflow.jobs.microstructure.state;

import java.io.IOException;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.marketflow.jobs.microstructure.book.BookSide;
import org.marketflow.jobs.microstructure.book.L2Book;

/**
 * Writes an {@link L2Book} for Flink state: per side (bids, then asks) the level count, a flag byte
 * saying whether order counts follow, and the levels from the worst price to the best, each as its
 * price and size (doubles) and, when flagged, its order count (an int). That is 16 bytes a level on
 * an exchange's book (exchanges give no order counts), 20 on the prediction-market engine's, plus
 * 10 bytes a book; a restore loads each side by appending, without a search or a shift.
 *
 * <p>Hand-written rather than leaving {@code L2Book} to Flink's POJO serializer, which would need
 * public mutable arrays in the book and would write them at their capacity, unused slots included,
 * with a null flag per field; nor to Kryo, which is slower and not evolvable. Use it in the state
 * descriptor: {@code new ValueStateDescriptor<>("book", L2BookSerializer.INSTANCE)}.
 *
 * <p>With the RocksDB state backend every {@code value()} and {@code update()} of the book goes
 * through this serializer (a 1,000-level-a-side book is about 32 KB); with the heap (HashMap)
 * backend only checkpoints do.
 */
public final class L2BookSerializer extends TypeSerializerSingleton<L2Book> {

  private static final long serialVersionUID = 1L;

  public static final L2BookSerializer INSTANCE = new L2BookSerializer();

  private static final byte NO_ORDER_COUNTS = 0;
  private static final byte WITH_ORDER_COUNTS = 1;

  private L2BookSerializer() {}

  @Override
  public boolean isImmutableType() {
    return false;
  }

  @Override
  public L2Book createInstance() {
    return new L2Book();
  }

  @Override
  public L2Book copy(L2Book from) {
    return from.copy();
  }

  @Override
  public L2Book copy(L2Book from, L2Book reuse) {
    reuse.copyFrom(from);
    return reuse;
  }

  @Override
  public int getLength() {
    return -1;
  }

  @Override
  public void serialize(L2Book book, DataOutputView target) throws IOException {
    writeSide(book, BookSide.BID, target);
    writeSide(book, BookSide.ASK, target);
  }

  @Override
  public L2Book deserialize(DataInputView source) throws IOException {
    return deserialize(new L2Book(), source);
  }

  @Override
  public L2Book deserialize(L2Book reuse, DataInputView source) throws IOException {
    reuse.clear();
    readSide(reuse, BookSide.BID, source);
    readSide(reuse, BookSide.ASK, source);
    return reuse;
  }

  @Override
  public void copy(DataInputView source, DataOutputView target) throws IOException {
    copySide(source, target);
    copySide(source, target);
  }

  @Override
  public TypeSerializerSnapshot<L2Book> snapshotConfiguration() {
    return new L2BookSerializerSnapshot();
  }

  private static void writeSide(L2Book book, BookSide side, DataOutputView target)
      throws IOException {
    int count = book.levelCount(side);
    boolean withOrderCounts = false;
    for (int rank = 0; rank < count && !withOrderCounts; rank++) {
      withOrderCounts = book.orderCount(side, rank) != L2Book.NO_ORDER_COUNT;
    }
    target.writeInt(count);
    target.writeByte(withOrderCounts ? WITH_ORDER_COUNTS : NO_ORDER_COUNTS);
    for (int rank = count - 1; rank >= 0; rank--) {
      target.writeDouble(book.price(side, rank));
      target.writeDouble(book.size(side, rank));
      if (withOrderCounts) {
        target.writeInt(book.orderCount(side, rank));
      }
    }
  }

  private static void readSide(L2Book book, BookSide side, DataInputView source)
      throws IOException {
    int count = source.readInt();
    boolean withOrderCounts = readFlag(source);
    if (count < 0) {
      throw new IOException("corrupt L2Book: " + side + " level count " + count);
    }
    book.ensureCapacity(side, count);
    for (int i = 0; i < count; i++) {
      double price = source.readDouble();
      double size = source.readDouble();
      int orderCount = withOrderCounts ? source.readInt() : L2Book.NO_ORDER_COUNT;
      try {
        book.pushBest(side, price, size, orderCount);
      } catch (IllegalArgumentException e) {
        throw new IOException("corrupt L2Book: " + e.getMessage(), e);
      }
    }
  }

  private static void copySide(DataInputView source, DataOutputView target) throws IOException {
    int count = source.readInt();
    boolean withOrderCounts = readFlag(source);
    target.writeInt(count);
    target.writeByte(withOrderCounts ? WITH_ORDER_COUNTS : NO_ORDER_COUNTS);
    target.write(source, count * (withOrderCounts ? 20 : 16));
  }

  private static boolean readFlag(DataInputView source) throws IOException {
    byte flag = source.readByte();
    if (flag != NO_ORDER_COUNTS && flag != WITH_ORDER_COUNTS) {
      throw new IOException("corrupt L2Book: order-count flag " + flag);
    }
    return flag == WITH_ORDER_COUNTS;
  }

  /** Restores the serializer from a checkpoint or savepoint; it has no configuration. */
  public static final class L2BookSerializerSnapshot extends SimpleTypeSerializerSnapshot<L2Book> {

    public L2BookSerializerSnapshot() {
      super(() -> INSTANCE);
    }
  }
}
