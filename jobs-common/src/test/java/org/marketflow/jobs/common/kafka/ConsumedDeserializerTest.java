package org.marketflow.jobs.common.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.marketflow.testing.data.Trades.btc;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.marketflow.jobs.common.records.Consumed;
import org.marketflow.jobs.common.validation.TimeBounds;
import org.marketflow.jobs.common.validation.TradeCheck;
import org.marketflow.schemas.avro.AvroCodec;
import org.marketflow.schemas.avro.DeadLetter;
import org.marketflow.schemas.avro.Trade;
import org.marketflow.schemas.kafka.DeadLetters;
import org.marketflow.schemas.kafka.TopicSpec;

class ConsumedDeserializerTest {

  private static final String TOPIC = "trades-topic";

  private final AvroCodec<Trade> codec = AvroCodec.of(Trade.class);
  private ConsumedDeserializer<Trade> deserializer;

  @BeforeEach
  void open() {
    deserializer =
        Deserializing.opened(
            ConsumedDeserializer.avro(
                "job-x",
                TopicSpec.TRADES.withName(TOPIC),
                new TradeCheck(),
                TimeBounds.symmetric(Duration.ofDays(1)),
                DeadLetters.withMaxRawBytes(8)));
  }

  private Consumed<Trade> consume(byte[] value, int partition, long offset) {
    return Deserializing.consume(deserializer, TOPIC, partition, offset, value);
  }

  @Test
  void passesAGoodTradeWithItsPosition() {
    Trade trade = btc(1, 1, 100.0, 1.0);
    Consumed<Trade> consumed = consume(codec.encode(trade), 3, 42);
    assertThat(consumed.isRejected()).isFalse();
    assertThat(consumed.value).isEqualTo(trade);
    assertThat(consumed.partition).isEqualTo(3);
    assertThat(consumed.offset).isEqualTo(42);
  }

  @Test
  void rejectsAnUndecodableRecordWithItsExactBytesAndOrigin() {
    byte[] raw = {(byte) 0xC3, (byte) 0x28, 'x'}; // not Avro, not UTF-8 either
    DeadLetter letter = consume(raw, 1, 7).deadLetter;
    assertThat(letter.getStage()).isEqualTo("job-x.decode");
    assertThat(letter.getReason()).startsWith("not an Avro Trade: ");
    assertThat(letter.getSourceTopic()).isEqualTo(TOPIC);
    assertThat(letter.getSourcePartition()).isEqualTo(1);
    assertThat(letter.getSourceOffset()).isEqualTo(7L);
    assertThat(letter.getRejectedAtUs()).isEqualTo(1_000_000L);
    assertThat(bytes(letter.getRaw())).isEqualTo(raw);
  }

  @Test
  void rejectsAnInvalidTradeWithItsOriginAndEventTime() {
    Trade bad = btc(1, 1, -1.0, 1.0);
    byte[] raw = codec.encode(bad);
    DeadLetter letter = consume(raw, 0, 9).deadLetter;
    assertThat(letter.getStage()).isEqualTo("job-x.validate");
    assertThat(letter.getReason()).isEqualTo("price must be a positive finite number, not -1.0");
    assertThat(letter.getSourcePartition()).isZero();
    assertThat(letter.getSourceOffset()).isEqualTo(9L);
    assertThat(letter.getRejectedAtUs()).isEqualTo(bad.getExchangeTimeUs());
    assertThat(letter.getOriginalSize()).isEqualTo(raw.length);
    assertThat(letter.getRawTruncated()).isTrue(); // the limit here is 8 bytes
    assertThat(letter.getRaw().remaining()).isEqualTo(8);
  }

  @Test
  void rejectsATradeWhoseTimeIsNotBelieved() {
    Trade future = btc(1, 1, 100.0, 1.0);
    future.setReceiveTimeUs(future.getExchangeTimeUs() - Duration.ofDays(2).toNanos() / 1_000);
    assertThat(consume(codec.encode(future), 0, 0).deadLetter.getReason())
        .startsWith("event time ");
  }

  @Test
  void rejectsATombstone() {
    DeadLetter letter = consume(null, 0, 0).deadLetter;
    assertThat(letter.getReason()).contains("null value");
    assertThat(letter.getRaw().remaining()).isZero();
  }

  @Test
  void aBacktestsSourceSkipsEveryRecordOutsideItsEventTimesWithoutADeadLetter() {
    Trade first = btc(10, 1, 100.0, 1.0);
    Trade last = btc(19, 2, 100.0, 1.0);
    ConsumedDeserializer<Trade> ranged =
        Deserializing.opened(
            ConsumedDeserializer.avro(
                "job-x",
                TopicSpec.TRADES.withName(TOPIC),
                new TradeCheck(),
                TimeBounds.symmetric(Duration.ofDays(1)),
                DeadLetters.DEFAULT,
                new EventTimeRange(first.getExchangeTimeUs(), last.getExchangeTimeUs() + 1)));

    assertThat(consumeAt(ranged, first).get(0).value).isEqualTo(first);
    assertThat(consumeAt(ranged, last).get(0).value).isEqualTo(last);
    assertThat(consumeAt(ranged, btc(9, 3, 100.0, 1.0))).as("before the range").isEmpty();
    assertThat(consumeAt(ranged, btc(20, 4, 100.0, 1.0))).as("after the range").isEmpty();
    assertThat(consumeAt(ranged, btc(5, 5, -1.0, 1.0))).as("invalid, before the range").isEmpty();
    assertThat(consumeAt(ranged, btc(15, 6, -1.0, 1.0)).get(0).deadLetter.getStage())
        .isEqualTo("job-x.validate");
  }

  @Test
  void aBacktestsSourceJudgesAnUndecodableRecordByItsKafkaTimestamp() {
    long startMs = Deserializing.TIMESTAMP_MS;
    ConsumedDeserializer<Trade> ranged =
        Deserializing.opened(
            ConsumedDeserializer.avro(
                "job-x",
                TopicSpec.TRADES.withName(TOPIC),
                new TradeCheck(),
                TimeBounds.symmetric(Duration.ofDays(1)),
                DeadLetters.DEFAULT,
                new EventTimeRange(startMs * 1_000, (startMs + 10) * 1_000)));
    byte[] garbage = {(byte) 0xFF, 1, 2};

    assertThat(Deserializing.consumeAll(ranged, TOPIC, 0, 1, startMs + 9, garbage))
        .singleElement()
        .satisfies(c -> assertThat(c.deadLetter.getStage()).isEqualTo("job-x.decode"));
    assertThat(Deserializing.consumeAll(ranged, TOPIC, 0, 2, startMs + 10, garbage)).isEmpty();
    assertThat(Deserializing.consumeAll(ranged, TOPIC, 0, 3, startMs - 1, garbage)).isEmpty();
  }

  /** A trade read with the Kafka timestamp its producer gives it, its event time. */
  private List<Consumed<Trade>> consumeAt(ConsumedDeserializer<Trade> ranged, Trade trade) {
    return Deserializing.consumeAll(
        ranged,
        TOPIC,
        0,
        trade.getSequence(),
        TopicSpec.TRADES.timestampMs(trade),
        codec.encode(trade));
  }

  @Test
  void producesConsumedRecordsOfTheTopicsType() {
    assertThat(deserializer.getProducedType()).isEqualTo(Consumed.typeInfo(Trade.class));
  }

  private static byte[] bytes(ByteBuffer buffer) {
    byte[] b = new byte[buffer.remaining()];
    buffer.duplicate().get(b);
    return b;
  }
}
