package org.marketflow.schemas.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.avro.specific.SpecificRecordBase;
import org.junit.jupiter.api.Test;
import org.marketflow.schemas.avro.DeadLetter;
import org.marketflow.schemas.avro.Side;
import org.marketflow.schemas.avro.Trade;

class TopicSpecTest {

  private static final Trade TRADE =
      Trade.newBuilder()
          .setInstrument("BINANCE:BTCUSDT")
          .setExchangeTimeUs(1_723_161_600_123_456L)
          .setReceiveTimeUs(1_723_161_600_200_000L)
          .setPrice(1.0)
          .setSize(1.0)
          .setSide(Side.BUY)
          .build();

  @Test
  void tradesAreKeyedByInstrumentAndStampedWithTheExchangeTime() {
    assertThat(TopicSpec.TRADES.name()).isEqualTo(Topics.TRADES);
    assertThat(new String(TopicSpec.TRADES.keyBytes(TRADE), StandardCharsets.UTF_8))
        .isEqualTo("BINANCE:BTCUSDT");
    assertThat(TopicSpec.TRADES.timestampMs(TRADE)).isEqualTo(1_723_161_600_123L);
    assertThat(TopicSpec.TRADES.receiveTime().micros(TRADE)).isEqualTo(1_723_161_600_200_000L);
  }

  @Test
  void deadLettersAreKeyedByStageAndNeverStampedBeforeTheEpoch() {
    DeadLetter letter =
        DeadLetters.DEFAULT.of("stage-a", "r", RecordOrigin.kafka("t", 0, 0), -5_000L, null);
    assertThat(TopicSpec.DEAD_LETTERS.keyBytes(letter))
        .isEqualTo("stage-a".getBytes(StandardCharsets.UTF_8));
    assertThat(TopicSpec.DEAD_LETTERS.timestampMs(letter)).isZero();
    assertThat(TopicSpec.DEAD_LETTERS.hasReceiveTime()).isFalse();
  }

  @Test
  void keepsItsLayoutUnderAnotherName() {
    TopicSpec<Trade> renamed = TopicSpec.TRADES.withName("test-trades");
    assertThat(renamed.name()).isEqualTo("test-trades");
    assertThat(renamed.timestampMs(TRADE)).isEqualTo(TopicSpec.TRADES.timestampMs(TRADE));
    assertThatThrownBy(() -> TopicSpec.TRADES.withName(" "))
        .hasMessage("topic name must not be blank");
  }

  @Test
  void survivesJavaSerializationAsFlinkShipsIt() throws Exception {
    TopicSpec<Trade> copy = throughJavaSerialization(TopicSpec.TRADES);
    assertThat(copy.key().of(TRADE)).isEqualTo("BINANCE:BTCUSDT");
    assertThat(copy.eventTime().micros(TRADE)).isEqualTo(TRADE.getExchangeTimeUs());
  }

  /** {@code spec} written and read back with Java serialization, as Flink ships functions. */
  @SuppressWarnings("unchecked")
  static <T extends SpecificRecordBase> TopicSpec<T> throughJavaSerialization(TopicSpec<T> spec)
      throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(spec);
    }
    return (TopicSpec<T>)
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray())).readObject();
  }
}
