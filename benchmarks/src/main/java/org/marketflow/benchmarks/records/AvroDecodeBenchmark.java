package org.marketflow.benchmarks.records;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.marketflow.schemas.avro.AvroCodec;
import org.marketflow.schemas.avro.BookLevel;
import org.marketflow.schemas.avro.BookUpdate;
import org.marketflow.schemas.avro.BookUpdateKind;
import org.marketflow.schemas.avro.Side;
import org.marketflow.schemas.avro.Trade;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Decoding the two busiest topics' records, one record per operation, cycling through 65,536
 * encoded records of 20 instruments: {@link AvroCodec} (the hand-written {@code TradeReader} and
 * {@code BookUpdateReader}, what every job's Kafka source uses) beside Avro's own {@link
 * SpecificDatumReader}, the obvious way and what the codec did before. Trades as the simulator
 * makes them (numeric ids, a sequence, a side); book updates of one to three levels, as deltas
 * mostly are.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class AvroDecodeBenchmark {

  private static final int RECORDS = 1 << 16;

  private byte[][] trades;
  private byte[][] books;
  private AvroCodec<Trade> tradeCodec;
  private AvroCodec<BookUpdate> bookCodec;
  private SpecificDatumReader<Trade> tradeReader;
  private SpecificDatumReader<BookUpdate> bookReader;
  private BinaryDecoder decoder;
  private int next;

  @Setup
  public void encode() {
    Random random = new Random(20250101);
    tradeCodec = AvroCodec.of(Trade.class);
    bookCodec = AvroCodec.of(BookUpdate.class);
    trades = new byte[RECORDS][];
    books = new byte[RECORDS][];
    for (int i = 0; i < RECORDS; i++) {
      String instrument = String.format("SIM:I%03d", random.nextInt(20));
      long timeUs = 1_735_689_600_000_000L + 100L * i;
      trades[i] =
          tradeCodec.encode(
              Trade.newBuilder()
                  .setInstrument(instrument)
                  .setExchangeTimeUs(timeUs)
                  .setReceiveTimeUs(timeUs + 700)
                  .setSequence(3_000_000_000L + i)
                  .setTradeId(Long.toString(3_000_000_000L + i))
                  .setPrice(30_000 + random.nextInt(100_000) / 100.0)
                  .setSize(random.nextInt(100_000) / 1e5)
                  .setSide(random.nextBoolean() ? Side.BUY : Side.SELL)
                  .build());
      List<BookLevel> bids = new ArrayList<>();
      List<BookLevel> asks = new ArrayList<>();
      for (int level = 0, n = 1 + random.nextInt(3); level < n; level++) {
        (random.nextBoolean() ? bids : asks)
            .add(
                new BookLevel(
                    30_000 + random.nextInt(1_000) / 10.0, random.nextInt(500) / 100.0, null));
      }
      books[i] =
          bookCodec.encode(
              BookUpdate.newBuilder()
                  .setInstrument(instrument)
                  .setExchangeTimeUs(timeUs)
                  .setReceiveTimeUs(timeUs + 700)
                  .setKind(BookUpdateKind.DELTA)
                  .setFirstSequence(10_000_000L + i)
                  .setLastSequence(10_000_000L + i)
                  .setPreviousSequence(null)
                  .setChecksum(null)
                  .setBids(bids)
                  .setAsks(asks)
                  .build());
    }
    tradeReader = new SpecificDatumReader<>(Trade.class);
    bookReader = new SpecificDatumReader<>(BookUpdate.class);
  }

  private int nextIndex() {
    next = (next + 1) & (RECORDS - 1);
    return next;
  }

  @Benchmark
  public Trade tradeCodec() throws IOException {
    return tradeCodec.decode(trades[nextIndex()]);
  }

  @Benchmark
  public Trade tradeAvroReader() throws IOException {
    decoder = DecoderFactory.get().binaryDecoder(trades[nextIndex()], decoder);
    return tradeReader.read(null, decoder);
  }

  @Benchmark
  public BookUpdate bookCodec() throws IOException {
    return bookCodec.decode(books[nextIndex()]);
  }

  @Benchmark
  public BookUpdate bookAvroReader() throws IOException {
    decoder = DecoderFactory.get().binaryDecoder(books[nextIndex()], decoder);
    return bookReader.read(null, decoder);
  }
}
