package org.marketflow.benchmarks.flink;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.apache.flink.types.Row;
import org.apache.flink.types.RowKind;
import org.junit.jupiter.api.Test;
import org.marketflow.schemas.avro.Side;
import org.marketflow.schemas.avro.Trade;

class SqlDecodingCheckTest {

  private static final long TIME_US = 1_735_689_600_123_456L;

  private static Trade trade() {
    return Trade.newBuilder()
        .setInstrument("PARIFLOW:e1:o1:YES")
        .setExchangeTimeUs(TIME_US)
        .setReceiveTimeUs(TIME_US + 700)
        .setSequence(7L)
        .setTradeId("7")
        .setPrice(0.42)
        .setSize(100)
        .setSide(Side.SELL)
        .setIsAmmTrade(true)
        .setOrderId("sim-7")
        .build();
  }

  /** A row as the SQL table yields it, with {@code price} and {@code size} given separately. */
  private static Row row(double price, double size) {
    Row row = Row.withNames(RowKind.INSERT);
    row.setField("instrument", "PARIFLOW:e1:o1:YES");
    row.setField("exchangeTimeUs", TIME_US);
    row.setField("receiveTimeUs", TIME_US + 700);
    row.setField("sequence", 7L);
    row.setField("tradeId", "7");
    row.setField("price", price);
    row.setField("size", size);
    row.setField("side", 1);
    row.setField("isAmmTrade", true);
    row.setField("orderId", "sim-7");
    row.setField("event_time", Instant.ofEpochMilli(TIME_US / 1_000));
    return row;
  }

  @Test
  void findsNoDifferenceInAFaithfulRow() {
    assertThat(SqlDecodingCheck.difference(trade(), row(0.42, 100))).isNull();
  }

  @Test
  void namesTheFirstFieldThatDiffers() {
    assertThat(SqlDecodingCheck.difference(trade(), row(100, 0.42)))
        .isEqualTo("price is 100.0, expected 0.42");
  }

  @Test
  void comparesTheSideByItsEnumIndex() {
    Row row = row(0.42, 100);
    row.setField("side", 0);

    assertThat(SqlDecodingCheck.difference(trade(), row)).isEqualTo("side is 0, expected 1");
  }
}
