package org.marketflow.jobs.common.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.apache.avro.Schema;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;
import org.marketflow.schemas.avro.Side;
import org.marketflow.schemas.avro.Trade;

class TradeSerializerTest {

  private static Trade full() {
    return Trade.newBuilder()
        .setInstrument("PARIFLOW:e1:o1:YES")
        .setExchangeTimeUs(1_723_161_240_000_001L)
        .setReceiveTimeUs(1_723_161_240_000_999L)
        .setSequence(42L)
        .setTradeId("t-42")
        .setPrice(0.41)
        .setSize(12.5)
        .setSide(Side.SELL)
        .setIsAmmTrade(true)
        .setOrderId("o-7")
        .build();
  }

  private static Trade roundTrip(Trade trade) throws IOException {
    DataOutputSerializer out = new DataOutputSerializer(64);
    TradeSerializer.INSTANCE.serialize(trade, out);
    DataInputDeserializer in = new DataInputDeserializer(out.getCopyOfBuffer());
    Trade read = TradeSerializer.INSTANCE.deserialize(in);
    assertThat(in.available()).isZero();
    return read;
  }

  @Test
  void writesEveryFieldAndReadsItBack() throws IOException {
    assertThat(roundTrip(full())).isEqualTo(full());
    Trade amm = full();
    amm.setIsAmmTrade(false);
    assertThat(roundTrip(amm)).isEqualTo(amm);
  }

  @Test
  void keepsAbsentOptionalFieldsAbsent() throws IOException {
    Trade sparse = full();
    sparse.setSequence(null);
    sparse.setTradeId(null);
    sparse.setIsAmmTrade(null);
    sparse.setOrderId(null);
    sparse.setSide(Side.UNKNOWN);
    assertThat(roundTrip(sparse)).isEqualTo(sparse);
  }

  @Test
  void copiesIntoAReusedRecord() {
    Trade reuse = new Trade();
    assertThat(TradeSerializer.INSTANCE.copy(full(), reuse)).isSameAs(reuse).isEqualTo(full());
  }

  @Test
  void carriesEveryFieldOfTheSchema() {
    // A new field in Trade.avsc must be written by TradeSerializer too: update both.
    assertThat(Trade.getClassSchema().getFields())
        .extracting(Schema.Field::name)
        .containsExactly(
            "instrument",
            "exchangeTimeUs",
            "receiveTimeUs",
            "sequence",
            "tradeId",
            "price",
            "size",
            "side",
            "isAmmTrade",
            "orderId");
  }

  @Test
  void consumedTradesAreWrittenByIt() {
    assertThat(
            Consumed.typeInfo(Trade.class)
                .createSerializer(
                    new org.apache.flink.api.common.serialization.SerializerConfigImpl()))
        .isEqualTo(
            new ConsumedSerializer<>(
                TradeSerializer.INSTANCE,
                org.apache.flink.api.common.typeinfo.TypeInformation.of(
                        org.marketflow.schemas.avro.DeadLetter.class)
                    .createSerializer(
                        new org.apache.flink.api.common.serialization.SerializerConfigImpl())));
  }
}
