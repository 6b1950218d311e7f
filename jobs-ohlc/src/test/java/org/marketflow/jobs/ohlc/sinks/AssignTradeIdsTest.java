package org.marketflow.jobs.ohlc.sinks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.marketflow.jobs.ohlc.sinks.ArchiveTrades.kraken;
import static org.marketflow.testing.data.Trades.MINUTE_US;
import static org.marketflow.testing.data.Trades.btc;

import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.marketflow.schemas.avro.Side;
import org.marketflow.schemas.avro.Trade;

class AssignTradeIdsTest {

  private static final long MINUTE_MS = MINUTE_US / 1_000;

  private KeyedOneInputStreamOperatorTestHarness<String, Trade, Trade> harness;

  @BeforeEach
  void openHarness() throws Exception {
    harness =
        ProcessFunctionTestHarnesses.forKeyedProcessFunction(
            new AssignTradeIds(), new AssignTradeIds.Instrument(), Types.STRING);
  }

  @AfterEach
  void closeHarness() throws Exception {
    harness.close();
  }

  private void process(Trade trade) throws Exception {
    harness.processElement(trade, trade.getExchangeTimeUs() / 1_000);
  }

  @Test
  void numbersIdenticalTradesWithoutAnIdInTheOrderTheyCome() throws Exception {
    Trade first = kraken();
    Trade other = kraken(MINUTE_US, 61_837.62, 0.2, Side.SELL);
    Trade identical = kraken();
    Trade binance = btc(0, 4_000_001, 61_837.62, 0.015);
    for (Trade trade : List.of(first, other, identical, binance)) {
      process(trade);
    }

    List<Trade> out = harness.extractOutputValues();
    String digest = TradeArchiveIds.digest(first);
    assertThat(out)
        .extracting(Trade::getTradeId)
        .containsExactly(
            digest + ":0", TradeArchiveIds.digest(other) + ":0", digest + ":1", "4000001");
    assertThat(out.get(3)).as("a trade with an id passes as it is").isEqualTo(binance);
    assertThat(first.getTradeId()).as("the received trade is left as it is").isNull();
    assertThat(out.get(0)).isEqualTo(Trade.newBuilder(first).setTradeId(digest + ":0").build());
  }

  @Test
  void forgetsAnExchangeTimeOnceTheWatermarkIsTheHorizonPastIt() throws Exception {
    process(kraken());
    process(btc(0, 4_000_001, 61_837.62, 0.015));
    assertThat(harness.numKeyedStateEntries()).isEqualTo(1);
    assertThat(harness.numEventTimeTimers()).isEqualTo(1);

    harness.processWatermark(MINUTE_MS + AssignTradeIds.HORIZON_MS - 1);
    assertThat(harness.numKeyedStateEntries()).isEqualTo(1);

    harness.processWatermark(MINUTE_MS + AssignTradeIds.HORIZON_MS);
    assertThat(harness.numKeyedStateEntries()).isZero();
    assertThat(harness.numEventTimeTimers()).isZero();
  }
}
