package org.marketflow.jobs.common.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.marketflow.jobs.common.records.Consumed;
import org.marketflow.jobs.common.validation.RecordCheck;
import org.marketflow.jobs.common.validation.TimeBounds;
import org.marketflow.schemas.avro.AvroCodec;
import org.marketflow.schemas.avro.BookLevel;
import org.marketflow.schemas.avro.BookUpdate;
import org.marketflow.schemas.avro.BookUpdateKind;
import org.marketflow.schemas.avro.FeedState;
import org.marketflow.schemas.avro.FeedStatus;
import org.marketflow.schemas.avro.MarketStatistics;
import org.marketflow.schemas.avro.OhlcBar;
import org.marketflow.schemas.avro.Quote;
import org.marketflow.schemas.kafka.DeadLetters;
import org.marketflow.schemas.kafka.TopicSpec;
import org.marketflow.testing.data.Trades;

/**
 * The source's deserializer and the sink's serializer for every topic of the suite: a record
 * round-trips with its key and time, and bytes that are not the topic's record become a dead letter
 * naming the record type.
 */
class EveryTopicTest {

  private static final long T = Trades.MINUTE_US + 1_000_000;

  static Stream<Arguments> topics() {
    return Stream.of(
        Arguments.of(TopicSpec.TRADES, Trades.btc(1, 1, 100.0, 1.0)),
        Arguments.of(
            TopicSpec.QUOTES,
            Quote.newBuilder()
                .setInstrument("BINANCE:BTCUSDT")
                .setExchangeTimeUs(T)
                .setReceiveTimeUs(T + 5)
                .setBidPrice(99.0)
                .setBidSize(1.0)
                .setAskPrice(101.0)
                .setAskSize(2.0)
                .build()),
        Arguments.of(
            TopicSpec.BOOK,
            BookUpdate.newBuilder()
                .setInstrument("COINBASE:BTC-USD")
                .setExchangeTimeUs(T)
                .setReceiveTimeUs(T + 5)
                .setKind(BookUpdateKind.DELTA)
                .setLastSequence(42L)
                .setBids(List.of(new BookLevel(99.0, 1.0, null)))
                .setAsks(List.of())
                .build()),
        Arguments.of(
            TopicSpec.STATUS,
            FeedStatus.newBuilder()
                .setInstrument("KRAKEN:XBT/USD")
                .setEventTimeUs(T)
                .setReceiveTimeUs(T + 5)
                .setState(FeedState.GAP)
                .setExpectedSequence(7L)
                .setReceivedSequence(9L)
                .build()),
        Arguments.of(
            TopicSpec.BARS,
            OhlcBar.newBuilder()
                .setInstrument("SIM:BTCUSD")
                .setInterval("1m")
                .setBucketStartUs(Trades.MINUTE_US)
                .setOpen(1)
                .setHigh(2)
                .setLow(1)
                .setClose(2)
                .setVolume(3)
                .setQuoteVolume(4)
                .setTradeCount(2)
                .setVwap(4.0 / 3)
                .setFirstTradeTimeUs(T)
                .setLastTradeTimeUs(T + 1)
                .setRevision(0)
                .build()),
        Arguments.of(
            TopicSpec.STATISTICS,
            MarketStatistics.newBuilder()
                .setInstrument("PARIFLOW:e1:o1:NO")
                .setPeriod("24h")
                .setPeriodStartUs(T - 86_400_000_000L)
                .setPeriodEndUs(T)
                .setBarCount(2)
                .setVolume(3)
                .setQuoteVolume(1.5)
                .setTrades(4)
                .setBuyVolume(1)
                .setSellVolume(2)
                .setOpen(0.4)
                .setHigh(0.6)
                .setLow(0.4)
                .setClose(0.6)
                .setVwap(0.5)
                .setLiquidityUsd(1_000.0)
                .setLiquidityBucketStartUs(T - 60_000_000L)
                .build()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("topics")
  <T extends SpecificRecordBase> void roundTripsARecordAndRejectsBytesThatAreNotOne(
      TopicSpec<T> topic, T record) throws Exception {
    KeyedAvroSerializer<T> serializer = new KeyedAvroSerializer<>(topic);
    serializer.open(null, null);
    ProducerRecord<byte[], byte[]> produced = serializer.serialize(record, null, null);
    assertThat(produced.topic()).isEqualTo(topic.name());
    assertThat(produced.key()).isEqualTo(topic.keyBytes(record));
    assertThat(produced.timestamp()).isEqualTo(topic.eventTime().micros(record) / 1_000L);
    assertThat(AvroCodec.of(topic.type()).decode(produced.value())).isEqualTo(record);

    ConsumedDeserializer<T> deserializer =
        Deserializing.opened(
            ConsumedDeserializer.avro(
                "job-x",
                topic,
                RecordCheck.none(),
                TimeBounds.symmetric(Duration.ofDays(1)),
                DeadLetters.DEFAULT));
    assertThat(Deserializing.consume(deserializer, topic.name(), 0, 5, produced.value()).value)
        .isEqualTo(record);

    Consumed<T> rejected =
        Deserializing.consume(deserializer, topic.name(), 0, 6, new byte[] {(byte) 0xFF, 1, 2});
    assertThat(rejected.deadLetter.getStage()).isEqualTo("job-x.decode");
    assertThat(rejected.deadLetter.getReason())
        .startsWith("not an Avro " + topic.type().getSimpleName() + ": ");
    assertThat(rejected.deadLetter.getSourceTopic()).isEqualTo(topic.name());
  }
}
