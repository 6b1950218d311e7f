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

  private static List<Trade> run(long seed, int n) {
    TradeTape simulator = new TradeTape(seed, START_US, 100, TradeTape.defaultInstruments());
    List<Trade> trades = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      trades.add(simulator.next());
    }
    return trades;
  }

  @Test
  void sameSeedGivesTheSameTrades() {
    assertThat(run(7, 5_000)).isEqualTo(run(7, 5_000));
    assertThat(run(7, 100)).isNotEqualTo(run(8, 100));
  }

  @Test
  void tradesAreInEventTimeOrderForEveryInstrument() {
    List<Trade> trades = run(1, 20_000);
    Set<String> instruments = new HashSet<>();
    long previous = START_US;
    for (Trade trade : trades) {
      assertThat(trade.getExchangeTimeUs()).isGreaterThanOrEqualTo(previous);
      previous = trade.getExchangeTimeUs();
      instruments.add(trade.getInstrument());
      assertThat(trade.getSize()).isPositive();
      assertThat(trade.getPrice()).isPositive();
    }
    assertThat(instruments).hasSize(5);
    // 100 trades/s on average: 20,000 trades span about 200 s of event time.
    assertThat((previous - START_US) / 1e6).isBetween(180.0, 220.0);
  }

  @Test
  void predictionMarketPricesStayWithinOneAndNinetyNineCents() {
    List<Trade> pariflow =
        run(3, 50_000).stream().filter(t -> t.getInstrument().startsWith("PARIFLOW:")).toList();
    assertThat(pariflow).isNotEmpty();
    assertThat(pariflow)
        .allSatisfy(
            t -> {
              assertThat(t.getPrice()).isBetween(0.01, 0.99);
              assertThat(Math.abs(t.getPrice() * 100 - Math.rint(t.getPrice() * 100)))
                  .isLessThan(1e-9);
              assertThat(t.getIsAmmTrade()).isNotNull();
              assertThat(t.getOrderId()).startsWith("sim-");
            });
  }

  @Test
  void theNoSideTradesAtOneMinusTheYesSide() {
    TradeTape simulator = new TradeTape(5, START_US, 100, TradeTape.defaultInstruments());
    double yes = Double.NaN;
    int checked = 0;
    java.util.Set<Double> yesPrices = new HashSet<>();
    for (int i = 0; i < 100_000; i++) {
      Trade t = simulator.next();
      if (t.getInstrument().endsWith(":YES")) {
        yes = t.getPrice();
        yesPrices.add(yes);
      } else if (t.getInstrument().endsWith(":NO") && !Double.isNaN(yes)) {
        // Both sides move between trades; a cent apart at most over one inter-trade gap.
        assertThat(t.getPrice() + yes).isCloseTo(1.0, org.assertj.core.data.Offset.offset(0.0301));
        checked++;
      }
    }
    assertThat(checked).isGreaterThan(1_000);
    assertThat(yesPrices).as("the probability moves").hasSizeGreaterThan(5);
  }

  @Test
  void correlatedInstrumentsMoveTogether() {
    TradeTape simulator = new TradeTape(11, START_US, 100, TradeTape.defaultInstruments());
    List<Double> btc = new ArrayList<>();
    List<Double> eth = new ArrayList<>();
    double lastBtc = 60_000;
    double lastEth = 3_000;
    for (int i = 0; i < 200_000; i++) {
      Trade t = simulator.next();
      if (t.getInstrument().equals("SIM:BTCUSD")) {
        lastBtc = t.getPrice();
      } else if (t.getInstrument().equals("SIM:ETHUSD")) {
        lastEth = t.getPrice();
      }
      if (i % 500 == 499) {
        btc.add(Math.log(lastBtc));
        eth.add(Math.log(lastEth));
      }
    }
    assertThat(correlationOfChanges(btc, eth)).isGreaterThan(0.4);
  }

  private static double correlationOfChanges(List<Double> a, List<Double> b) {
    int n = a.size() - 1;
    double[] x = new double[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = a.get(i + 1) - a.get(i);
      y[i] = b.get(i + 1) - b.get(i);
    }
    double mx = 0, my = 0;
    for (int i = 0; i < n; i++) {
      mx += x[i] / n;
      my += y[i] / n;
    }
    double sxy = 0, sxx = 0, syy = 0;
    for (int i = 0; i < n; i++) {
      sxy += (x[i] - mx) * (y[i] - my);
      sxx += (x[i] - mx) * (x[i] - mx);
      syy += (y[i] - my) * (y[i] - my);
    }
    return sxy / Math.sqrt(sxx * syy);
  }
}
