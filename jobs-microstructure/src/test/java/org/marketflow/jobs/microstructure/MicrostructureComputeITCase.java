package org.marketflow.jobs.microstructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.marketflow.jobs.common.JobRunner;
import org.marketflow.jobs.common.functions.ConsumedRejects;
import org.marketflow.jobs.common.functions.EventTimeOf;
import org.marketflow.jobs.common.kafka.ValueReading;
import org.marketflow.jobs.common.records.Consumed;
import org.marketflow.jobs.microstructure.functions.BookProcessor;
import org.marketflow.jobs.microstructure.metrics.MicrostructureParams;
import org.marketflow.schemas.avro.AvroCodec;
import org.marketflow.schemas.avro.BookLevel;
import org.marketflow.schemas.avro.BookStatus;
import org.marketflow.schemas.avro.BookUpdate;
import org.marketflow.schemas.avro.BookUpdateKind;
import org.marketflow.schemas.avro.DeadLetter;
import org.marketflow.schemas.avro.EncodedBookUpdate;
import org.marketflow.schemas.avro.FeedState;
import org.marketflow.schemas.avro.FeedStatus;
import org.marketflow.schemas.avro.MarketMicrostructure;
import org.marketflow.schemas.avro.MarketTick;
import org.marketflow.schemas.avro.PredictionPairMetrics;
import org.marketflow.schemas.avro.Side;
import org.marketflow.schemas.avro.Trade;
import org.marketflow.schemas.kafka.DeadLetters;
import org.marketflow.schemas.kafka.RecordOrigin;
import org.marketflow.schemas.kafka.TopicSpec;
import org.marketflow.testing.junit.FlinkMiniCluster;

/**
 * {@link MicrostructureJob#compute} on records from memory, collected in memory: no Kafka. Runs
 * with generic types refused, as the job does, so a type falling back to Kryo fails it.
 */
class MicrostructureComputeITCase {

  @RegisterExtension static final MiniClusterExtension FLINK = FlinkMiniCluster.extension();

  private static final long T0 = 1_723_075_200_000_000L; // 2024-08-08 00:00 UTC
  private static final String BTC = "BINANCE:BTCUSDT";
  private static final String YES = "PARIFLOW:ev1:out1:YES";
  private static final String NO = "PARIFLOW:ev1:out1:NO";

  @Test
  void publishesTicksSecondsPairsStatusesAndDeadLettersOfEveryInstrument() throws Exception {
    DeadLetter undecodable =
        DeadLetters.DEFAULT.of(
            "jobs-microstructure.decode",
            "not an Avro Trade",
            RecordOrigin.kafka(TopicSpec.TRADES.name(), 0, 9),
            0L,
            new byte[] {1});
    // The book topic's records as its source reads them: leading fields and bytes. One record's
    // body is cut short: its header reads, its body fails to decode after the shuffle, where it is
    // the first (and only) event of its instrument's list, which is keyed by its header.
    byte[] cut = encoded(book("SIM:CUT", 350, BookUpdateKind.DELTA, 12, 100.4, 101.0)).avro;
    cut = Arrays.copyOf(cut, cut.length - 4);
    List<Consumed<EncodedBookUpdate>> book =
        List.of(
            Consumed.of(encoded(book(BTC, 100, BookUpdateKind.SNAPSHOT, 10, 100.0, 101.0)), 0, 0),
            Consumed.of(encoded(book(BTC, 300, BookUpdateKind.DELTA, 11, 100.5, 101.0)), 0, 1),
            Consumed.of(new EncodedBookUpdate("SIM:CUT", at(350), at(350) + 700, cut), 0, 2),
            Consumed.of(encoded(book(YES, 100, BookUpdateKind.SNAPSHOT, 1, 0.40, 0.45)), 1, 0),
            Consumed.of(encoded(book(NO, 200, BookUpdateKind.SNAPSHOT, 1, 0.54, 0.58)), 1, 1),
            Consumed.of(
                encoded(book("KRAKEN:XBT/USD", 100, BookUpdateKind.DELTA, 1, 1.0, 2.0)), 1, 2));
    List<Consumed<Trade>> trades =
        List.of(
            Consumed.of(trade(BTC, 400, 101.0, 0.5), 0, 0),
            Consumed.rejected(undecodable, 0, 9),
            Consumed.of(trade(BTC, 1_400, 100.5, 1.0), 0, 1));
    List<Consumed<FeedStatus>> status =
        List.of(Consumed.of(status(YES, 1_500, FeedState.DISCONNECTED), 0, 0));

    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    JobRunner.configureRecords(env);
    MicrostructureJob.Outputs outputs =
        MicrostructureJob.compute(
            env.fromData(book, ValueReading.bookHeaders().consumedType())
                .assignTimestampsAndWatermarks(
                    WatermarkStrategy.<Consumed<EncodedBookUpdate>>noWatermarks()
                        .withTimestampAssigner(
                            new EventTimeOf<>(ValueReading.bookHeaders().eventTime())))
                .name("In-memory book"),
            source(env, trades, TopicSpec.TRADES, Trade.class),
            source(env, status, TopicSpec.STATUS, FeedStatus.class),
            new BookProcessor.Settings(
                MicrostructureParams.DEFAULTS,
                10,
                Duration.ofSeconds(1),
                Duration.ofDays(1),
                new ConsumedRejects<>(TopicSpec.BOOK, DeadLetters.DEFAULT),
                new ConsumedRejects<>(TopicSpec.TRADES, DeadLetters.DEFAULT)));
    DataStream.Collector<MarketTick> ticks = new DataStream.Collector<>();
    DataStream.Collector<MarketMicrostructure> seconds = new DataStream.Collector<>();
    DataStream.Collector<PredictionPairMetrics> pairs = new DataStream.Collector<>();
    DataStream.Collector<BookStatus> statuses = new DataStream.Collector<>();
    DataStream.Collector<DeadLetter> deadLetters = new DataStream.Collector<>();
    outputs.ticks().collectAsync(ticks);
    outputs.microstructure().collectAsync(seconds);
    outputs.predictionPairs().collectAsync(pairs);
    outputs.bookStatus().collectAsync(statuses);
    outputs.deadLetters().collectAsync(deadLetters);
    env.execute("microstructure-compute");

    List<MarketTick> tickList = drain(ticks.getOutput());
    assertThat(tickList.stream().filter(t -> t.getInstrument().equals(BTC)))
        .extracting(MarketTick::getExchangeTimeUs, MarketTick::getBid, MarketTick::getVolume)
        .containsExactly(
            tuple(at(100), 100.0, 0.0),
            tuple(at(300), 100.5, 0.0),
            tuple(at(400), 100.5, 0.5),
            tuple(at(1_400), 100.5, 1.5));
    assertThat(drain(seconds.getOutput()))
        .filteredOn(s -> s.getInstrument().equals(BTC))
        .extracting(MarketMicrostructure::getBucketStartUs, MarketMicrostructure::getMidPrice)
        .containsExactly(tuple(T0, 100.75), tuple(T0 + 1_000_000, 100.75));
    assertThat(drain(pairs.getOutput()))
        .extracting(
            PredictionPairMetrics::getBucketStartUs,
            PredictionPairMetrics::getYesBid,
            PredictionPairMetrics::getNoBid)
        .containsExactly(tuple(T0, 0.40, 0.54), tuple(T0 + 1_000_000, null, 0.54));
    assertThat(drain(statuses.getOutput()))
        .extracting(BookStatus::getInstrument, BookStatus::getState)
        .containsExactlyInAnyOrder(
            tuple(BTC, org.marketflow.schemas.avro.BookSyncState.SYNCED),
            tuple(YES, org.marketflow.schemas.avro.BookSyncState.SYNCED),
            tuple(NO, org.marketflow.schemas.avro.BookSyncState.SYNCED),
            tuple(YES, org.marketflow.schemas.avro.BookSyncState.UNSYNCED));
    List<DeadLetter> letters = drain(deadLetters.getOutput());
    assertThat(letters).hasSize(3).contains(undecodable);
    assertThat(letters)
        .extracting(
            DeadLetter::getStage, DeadLetter::getSourcePartition, DeadLetter::getSourceOffset)
        .contains(
            tuple("jobs-microstructure.book", 1, 2L), tuple("jobs-microstructure.decode", 0, 2L));
    DeadLetter cutShort =
        letters.stream()
            .filter(l -> l.getStage().equals("jobs-microstructure.decode"))
            .filter(l -> l.getSourceTopic().equals(TopicSpec.BOOK.name()))
            .findFirst()
            .orElseThrow();
    assertThat(cutShort.getReason()).startsWith("not an Avro BookUpdate: ");
    assertThat(cutShort.getRejectedAtUs()).isEqualTo(at(350));
    assertThat(cutShort.getRaw()).isEqualTo(java.nio.ByteBuffer.wrap(cut));
  }

  private static EncodedBookUpdate encoded(BookUpdate update) {
    return EncodedBookUpdate.of(update, AvroCodec.of(BookUpdate.class));
  }

  private static long at(long ms) {
    return T0 + ms * 1_000L;
  }

  private static <T extends SpecificRecordBase> DataStream<Consumed<T>> source(
      StreamExecutionEnvironment env,
      List<Consumed<T>> records,
      TopicSpec<T> topic,
      Class<T> type) {
    return env.fromData(records, Consumed.typeInfo(type))
        .assignTimestampsAndWatermarks(
            WatermarkStrategy.<Consumed<T>>noWatermarks()
                .withTimestampAssigner(new EventTimeOf<>(topic.eventTime())))
        .name("In-memory " + topic.name());
  }

  private static BookUpdate book(
      String instrument, long ms, BookUpdateKind kind, long sequence, double bid, double ask) {
    boolean delta = kind == BookUpdateKind.DELTA;
    return BookUpdate.newBuilder()
        .setInstrument(instrument)
        .setExchangeTimeUs(at(ms))
        .setReceiveTimeUs(at(ms) + 700)
        .setKind(kind)
        .setFirstSequence(delta ? sequence : null)
        .setLastSequence(sequence)
        .setBids(List.of(new BookLevel(bid, 1.0, null)))
        .setAsks(List.of(new BookLevel(ask, 1.0, null)))
        .build();
  }

  private static Trade trade(String instrument, long ms, double price, double size) {
    return Trade.newBuilder()
        .setInstrument(instrument)
        .setExchangeTimeUs(at(ms))
        .setReceiveTimeUs(at(ms) + 900)
        .setPrice(price)
        .setSize(size)
        .setSide(Side.BUY)
        .build();
  }

  private static FeedStatus status(String instrument, long ms, FeedState state) {
    return FeedStatus.newBuilder()
        .setInstrument(instrument)
        .setEventTimeUs(at(ms))
        .setReceiveTimeUs(at(ms) + 100)
        .setState(state)
        .build();
  }

  private static <T> List<T> drain(CloseableIterator<T> iterator) throws Exception {
    List<T> out = new ArrayList<>();
    try (iterator) {
      iterator.forEachRemaining(out::add);
    }
    return out;
  }
}
