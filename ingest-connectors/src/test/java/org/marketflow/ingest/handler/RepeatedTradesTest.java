package org.marketflow.ingest.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.marketflow.testing.data.Trades.btc;
import static org.marketflow.testing.data.Trades.trade;

import org.junit.jupiter.api.Test;
import org.marketflow.schemas.avro.Trade;

class RepeatedTradesTest {

  private final RepeatedTrades repeated = new RepeatedTrades();

  @Test
  void dropsATradeWhoseSequenceWasAlreadyPublishedForItsInstrument() {
    assertThat(repeated.isNew(btc(1, 10, 1, 1))).isTrue();
    assertThat(repeated.isNew(btc(1, 10, 1, 1))).isFalse();
    assertThat(repeated.isNew(btc(1, 9, 1, 1))).as("older, resent on a reconnect").isFalse();
    assertThat(repeated.isNew(btc(2, 11, 1, 1))).isTrue();
    assertThat(repeated.isNew(trade("BINANCE:ETHUSDT", 1, 10, 1, 1)))
        .as("another instrument")
        .isTrue();
  }

  @Test
  void passesTradesWithoutASequence() {
    Trade unsequenced = btc(1, 1, 1, 1);
    unsequenced.setSequence(null);
    assertThat(repeated.isNew(unsequenced)).isTrue();
    assertThat(repeated.isNew(unsequenced)).isTrue();
  }
}
