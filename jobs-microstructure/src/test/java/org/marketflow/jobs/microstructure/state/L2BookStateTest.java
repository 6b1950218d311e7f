package org.marketflow.jobs.microstructure.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.state.StateBackend;
import org.apache.flink.runtime.state.hashmap.HashMapStateBackend;
import org.apache.flink.state.rocksdb.EmbeddedRocksDBStateBackend;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.util.Collector;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.marketflow.jobs.microstructure.book.BookSide;
import org.marketflow.jobs.microstructure.book.L2Book;
import org.marketflow.schemas.avro.BookLevel;
import org.marketflow.schemas.avro.BookUpdate;
import org.marketflow.schemas.avro.BookUpdateKind;

/**
 * Books kept in Flink keyed state with {@link L2BookSerializer} survive a checkpoint: a job
 * restored from a snapshot taken half-way holds, and goes on to hold, the books of a job that never
 * stopped, on the heap backend and on RocksDB (which serializes the book at every access).
 */
class L2BookStateTest {

  private static final List<String> INSTRUMENTS = List.of("BINANCE:BTCUSDT", "PARIFLOW:7:1:YES");

  @ParameterizedTest
  @ValueSource(strings = {"hashmap", "rocksdb"})
  void aRestoredJobHoldsTheBooksOfAnUninterruptedOne(String backend) throws Exception {
    List<BookUpdate> updates = updates(new Random(7L), 2_000);
    List<String> uninterrupted;
    try (var harness = harness(backend)) {
      harness.open();
      feed(harness, updates);
      uninterrupted = new ArrayList<>(harness.extractOutputValues());
    }

    int half = updates.size() / 2;
    OperatorSubtaskState snapshot;
    List<String> restored = new ArrayList<>();
    try (var first = harness(backend)) {
      first.open();
      feed(first, updates.subList(0, half));
      snapshot = first.snapshot(1L, 1L);
      restored.addAll(first.extractOutputValues());
    }
    try (var second = harness(backend)) {
      second.initializeState(snapshot);
      second.open();
      feed(second, updates.subList(half, updates.size()));
      restored.addAll(second.extractOutputValues());
    }

    assertThat(restored).hasSize(updates.size()).isEqualTo(uninterrupted);
  }

  private static KeyedOneInputStreamOperatorTestHarness<String, BookUpdate, String> harness(
      String backend) throws Exception {
    var harness =
        new KeyedOneInputStreamOperatorTestHarness<>(
            new KeyedProcessOperator<>(new ApplyToBook()), new ByInstrument(), Types.STRING);
    StateBackend stateBackend =
        backend.equals("rocksdb") ? new EmbeddedRocksDBStateBackend() : new HashMapStateBackend();
    harness.setStateBackend(stateBackend);
    return harness;
  }

  private static void feed(
      KeyedOneInputStreamOperatorTestHarness<String, BookUpdate, String> harness,
      List<BookUpdate> updates)
      throws Exception {
    for (BookUpdate update : updates) {
      harness.processElement(new StreamRecord<>(update, update.getExchangeTimeUs() / 1_000));
    }
  }

  /** A snapshot per instrument, then deltas near the top of the book, with order counts. */
  private static List<BookUpdate> updates(Random random, int count) {
    List<BookUpdate> updates = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String instrument = INSTRUMENTS.get(i % INSTRUMENTS.size());
      boolean snapshot = i < INSTRUMENTS.size();
      List<BookLevel> bids = new ArrayList<>();
      List<BookLevel> asks = new ArrayList<>();
      for (int level = snapshot ? 300 : 1 + random.nextInt(3); level > 0; level--) {
        int ticks = snapshot ? level : (int) Math.abs(random.nextGaussian() * 20);
        double size = snapshot || random.nextInt(3) > 0 ? 1 + random.nextInt(100) : 0.0;
        Integer orders = random.nextBoolean() ? 1 + random.nextInt(9) : null;
        bids.add(new BookLevel((10_000 - ticks) / 100.0, size, orders));
        asks.add(new BookLevel((10_001 + ticks) / 100.0, size, orders));
      }
      updates.add(
          BookUpdate.newBuilder()
              .setInstrument(instrument)
              .setExchangeTimeUs(1_000L * i)
              .setReceiveTimeUs(1_000L * i)
              .setKind(snapshot ? BookUpdateKind.SNAPSHOT : BookUpdateKind.DELTA)
              .setBids(bids)
              .setAsks(asks)
              .build());
    }
    return updates;
  }

  /** Applies each update to the instrument's book in state and says what the book then is. */
  private static final class ApplyToBook extends KeyedProcessFunction<String, BookUpdate, String> {

    private transient ValueState<L2Book> book;

    @Override
    public void open(OpenContext context) {
      book =
          getRuntimeContext()
              .getState(new ValueStateDescriptor<>("book", L2BookSerializer.INSTANCE));
    }

    @Override
    public void processElement(BookUpdate update, Context context, Collector<String> out)
        throws Exception {
      L2Book current = book.value();
      if (current == null) {
        current = new L2Book();
      }
      current.apply(update);
      book.update(current);
      out.collect(
          context.getCurrentKey()
              + " "
              + current.levelCount(BookSide.BID)
              + "/"
              + current.levelCount(BookSide.ASK)
              + " "
              + current.levels(BookSide.BID, 3)
              + " "
              + current.levels(BookSide.ASK, 3)
              + " #"
              + current.hashCode());
    }
  }

  private static final class ByInstrument implements KeySelector<BookUpdate, String> {
    @Override
    public String getKey(BookUpdate update) {
      return update.getInstrument();
    }
  }
}
