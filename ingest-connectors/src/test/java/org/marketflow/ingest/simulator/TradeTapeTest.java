package org.marketflow.ingest.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.marketflow.schemas.avro.Trade;

class TradeTapeTest {

  private static final long START_US = 1_767_225_600_000_000L; // 2026-01-01T00:00:00Z

  private static TradeTape tape(long seed) {
    return new TradeTape(seed, START_US, 100, MarketSimulator.defaultInstruments());
  }

  private static List<Trade> run(long seed, int n) {
    TradeTape tape = tape(seed);
    List<Trade> trades = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      trades.add(tape.next());
    }
    return trades;
  }

  @Test
  void sameSeedGivesTheSameTrades() {
    assertThat(run(7, 5_000)).isEqualTo(run(7, 5_000));
    assertThat(run(7, 100)).isNotEqualTo(run(8, 100));
  }

  @Test
  void tradesAreInEventTimeOrderAtTheConfiguredRate() {
    List<Trade> trades = run(1, 20_000);
    Set<String> instruments = new HashSet<>();
    long previous = START_US;
    for (Trade trade : trades) {
      assertThat(trade.getExchangeTimeUs()).isGreaterThanOrEqualTo(previous);
      assertThat(trade.getReceiveTimeUs()).isGreaterThan(trade.getExchangeTimeUs());
      previous = trade.getExchangeTimeUs();
      instruments.add(trade.getInstrument());
      assertThat(trade.getSize()).isPositive();
      assertThat(trade.getPrice()).isPositive();
    }
    assertThat(instruments)
        .containsExactlyInAnyOrder(
            "SIM:BTCUSD",
            "SIM:ETHUSD",
            "SIM:SOLUSD",
            "PARIFLOW:election-2028:candidate-a:YES",
            "PARIFLOW:election-2028:candidate-a:NO");
    // 100 trades/s on average: 20,000 trades span about 200 s of event time.
    assertThat((previous - START_US) / 1e6).isBetween(180.0, 220.0);
  }

  @Test
  void anOutcomesTwoSidesTradeAtComplementaryCentsWithinOneStep() {
    TradeTape tape = tape(5);
    Trade yes = null;
    int checked = 0;
    for (int i = 0; i < 100_000; i++) {
      Trade t = tape.next();
      if (t.getInstrument().startsWith("PARIFLOW:")) {
        assertThat(t.getPrice()).isBetween(0.01, 0.99);
        assertThat(Math.abs(t.getPrice() * 100 - Math.rint(t.getPrice() * 100))).isLessThan(1e-9);
        assertThat(t.getIsAmmTrade()).isFalse();
        assertThat(t.getOrderId()).startsWith("sim-");
      }
      if (t.getInstrument().endsWith(":YES")) {
        yes = t;
      } else if (t.getInstrument().endsWith(":NO")
          && yes != null
          && yes.getExchangeTimeUs() / 1_000_000 == t.getExchangeTimeUs() / 1_000_000) {
        // Within one step of the price clock (1 s) both sides trade at the same fair value.
        assertThat(Math.round(t.getPrice() * 100) + Math.round(yes.getPrice() * 100))
            .isEqualTo(100);
        checked++;
      }
    }
    assertThat(checked).isGreaterThan(1_000);
  }
}
