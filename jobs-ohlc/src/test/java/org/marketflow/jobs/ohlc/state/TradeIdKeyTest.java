package org.marketflow.jobs.ohlc.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.marketflow.schemas.avro.Trade;
import org.marketflow.testing.data.Trades;

class TradeIdKeyTest {

  @Test
  void aNumericIdIsItsOwnKey() {
    assertThat(TradeIdKey.ofId("0")).isZero();
    assertThat(TradeIdKey.ofId("3713422519")).isEqualTo(3_713_422_519L);
    assertThat(TradeIdKey.ofId("999999999999999999")).isEqualTo(999_999_999_999_999_999L);
  }

  @Test
  void otherIdsAreHashedApart() {
    Set<Long> keys = new HashSet<>();
    for (int i = 0; i < 100_000; i++) {
      keys.add(TradeIdKey.ofId("T" + i + "-ABCDE"));
    }
    keys.add(TradeIdKey.ofId("1234567890123456789")); // 19 digits: hashed
    keys.add(TradeIdKey.ofId("Aa"));
    keys.add(TradeIdKey.ofId("BB")); // equal String.hashCode, not equal keys
    keys.add(TradeIdKey.ofId(""));
    assertThat(keys).hasSize(100_004);
  }

  @Test
  void fallsBackToTheSequenceAndElseToNone() {
    Trade trade = Trades.btc(1, 77, 100.0, 1.0);
    assertThat(TradeIdKey.of(trade)).isEqualTo(77L);
    trade.setTradeId("x-1");
    assertThat(TradeIdKey.of(trade)).isEqualTo(TradeIdKey.ofId("x-1"));
    trade.setTradeId(null);
    assertThat(TradeIdKey.of(trade)).isEqualTo(77L);
    trade.setSequence(null);
    assertThat(TradeIdKey.of(trade)).isEqualTo(TradeIdKey.NONE);
  }
}
