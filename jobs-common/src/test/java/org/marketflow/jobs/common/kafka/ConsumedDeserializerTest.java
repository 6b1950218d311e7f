package org.marketflow.jobs.common.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.marketflow.testing.data.Trades.btc;

import java.nio.ByteBuffer;
import java.time.Duration;
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
            new ConsumedDeserializer<>(
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
  void producesConsumedRecordsOfTheTopicsType() {
    assertThat(deserializer.getProducedType()).isEqualTo(Consumed.typeInfo(Trade.class));
  }

  private static byte[] bytes(ByteBuffer buffer) {
    byte[] b = new byte[buffer.remaining()];
    buffer.duplicate().get(b);
    return b;
  }
}
