package org.marketflow.schemas.avro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class AvroCodecTest {

  private static Trade trade() {
    return Trade.newBuilder()
        .setInstrument("BINANCE:BTCUSDT")
        .setExchangeTimeUs(1_723_161_255_342_000L)
        .setReceiveTimeUs(1_723_161_254_087_896L)
        .setSequence(3_735_683_259L)
        .setTradeId("3735683259")
        .setPrice(61837.63)
        .setSize(0.02)
        .setSide(Side.SELL)
        .build();
  }

  @Test
  void roundTripsATrade() throws IOException {
    AvroCodec<Trade> codec = AvroCodec.of(Trade.class);
    byte[] bytes = codec.encode(trade());
    assertThat(codec.decode(bytes)).isEqualTo(trade());
  }

  @Test
  void rejectsTruncatedBytes() {
    AvroCodec<Trade> codec = AvroCodec.of(Trade.class);
    byte[] bytes = codec.encode(trade());
    assertThatThrownBy(() -> codec.decode(Arrays.copyOf(bytes, bytes.length - 3)))
        .isInstanceOf(IOException.class);
  }

  @Test
  void rejectsTrailingBytes() {
    AvroCodec<Trade> codec = AvroCodec.of(Trade.class);
    byte[] bytes = withTwoExtraBytes(codec.encode(trade()));
    assertThatThrownBy(() -> codec.decode(bytes))
        .isInstanceOf(IOException.class)
        .hasMessage("trailing bytes after a Trade record");
  }

  private static byte[] withTwoExtraBytes(byte[] bytes) {
    return Arrays.copyOf(bytes, bytes.length + 2);
  }
}
