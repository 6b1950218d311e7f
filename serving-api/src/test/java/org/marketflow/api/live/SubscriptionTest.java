package org.marketflow.api.live;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.marketflow.api.common.MarketSelection;

class SubscriptionTest {

  private static Subscription trades(MarketSelection market) {
    return new Subscription(Channel.TRADES, market);
  }

  @Test
  void anInstrumentSubscriptionMatchesThatInstrumentOnly() {
    Subscription btc = trades(MarketSelection.parse(null, null, null, "BINANCE:BTCUSDT"));

    assertThat(btc.routingKey()).isEqualTo("BINANCE:BTCUSDT");
    assertThat(btc.matches(Channel.TRADES, "BINANCE:BTCUSDT")).isTrue();
    assertThat(btc.matches(Channel.TRADES, "BINANCE:BTCUSDTX")).isFalse();
    assertThat(btc.matches(Channel.ORDERBOOK, "BINANCE:BTCUSDT")).isFalse();
  }

  @Test
  void anEventSubscriptionMatchesItsOutcomesAndOptionsAsNarrowed() {
    Subscription event = trades(MarketSelection.parse("e_1", null, null, null));
    Subscription outcome = trades(MarketSelection.parse("e_1", "o-1", null, null));
    Subscription side = trades(MarketSelection.parse("e_1", null, "NO", null));

    assertThat(event.routingKey()).isEqualTo("PARIFLOW:e_1");
    assertThat(event.matches(Channel.TRADES, "PARIFLOW:e_1:o-1:YES")).isTrue();
    assertThat(event.matches(Channel.TRADES, "PARIFLOW:e_10:o-1:YES")).isFalse();
    assertThat(event.matches(Channel.TRADES, "BINANCE:E_1")).isFalse();
    assertThat(outcome.matches(Channel.TRADES, "PARIFLOW:e_1:o-1:NO")).isTrue();
    assertThat(outcome.matches(Channel.TRADES, "PARIFLOW:e_1:o-2:NO")).isFalse();
    assertThat(side.matches(Channel.TRADES, "PARIFLOW:e_1:o-2:NO")).isTrue();
    assertThat(side.matches(Channel.TRADES, "PARIFLOW:e_1:o-2:YES")).isFalse();
  }

  @Test
  void theEventKeyOfAnInstrumentIsItsVenueAndEvent() {
    assertThat(Subscription.eventKeyOf("PARIFLOW:e_1:o-1:YES")).isEqualTo("PARIFLOW:e_1");
    assertThat(Subscription.eventKeyOf("BINANCE:BTCUSDT")).isNull();
    assertThat(Subscription.eventKeyOf("PARIFLOW:broken")).isNull();
  }

  @Test
  void aPariflowInstrumentSubscriptionIsExactEvenWithinItsEvent() {
    Subscription yes = trades(MarketSelection.parse(null, null, null, "PARIFLOW:e_1:o-1:YES"));

    assertThat(yes.routingKey()).isEqualTo("PARIFLOW:e_1:o-1:YES");
    assertThat(yes.matches(Channel.TRADES, "PARIFLOW:e_1:o-1:YES")).isTrue();
    assertThat(yes.matches(Channel.TRADES, "PARIFLOW:e_1:o-1:NO")).isFalse();
  }
}
