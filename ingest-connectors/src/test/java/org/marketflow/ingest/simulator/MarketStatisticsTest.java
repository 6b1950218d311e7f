package org.marketflow.ingest.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.marketflow.ingest.feed.CollectingOutput;
import org.marketflow.schemas.avro.Quote;

/**
 * The statistical properties the simulator is built to have, each measured here from the quotes it
 * publishes with plain loops, and compared with what its parameters say.
 */
class MarketStatisticsTest {

  private static final long START_US = 1_767_225_600_000_000L; // 2026-01-01T00:00:00Z
  private static final long SAMPLE_US = 5_000_000L;

  /** Two instruments whose 5-s moves are tens of ticks, so ticks and spreads hardly blur them. */
  private static final SimulatedInstrument FIRST = instrument("SIM:AAA", 0.9);

  private static final SimulatedInstrument SECOND = instrument("SIM:BBB", 0.6);

  private static SimulatedInstrument instrument(String id, double beta) {
    return new SimulatedInstrument(
        id, 100, 0.8, beta, 5, 0.001, 0.01, new BookProfile(20, 2, 10, 0.1));
  }

  /** What the market looked like every 5 s of event time. */
  private record Samples(
      Map<String, List<Double>> mids, Map<String, List<Double>> spreads, List<Regime> regimes) {

    /** Log returns of {@code instrument}'s mid between consecutive samples. */
    double[] returns(String instrument) {
      return returns(instrument, 1);
    }

    /** Log returns of {@code instrument}'s mid over {@code stride} samples, not overlapping. */
    double[] returns(String instrument, int stride) {
      List<Double> mid = mids.get(instrument);
      double[] returns = new double[(mid.size() - 1) / stride];
      for (int i = 0; i < returns.length; i++) {
        returns[i] = Math.log(mid.get((i + 1) * stride) / mid.get(i * stride));
      }
      return returns;
    }
  }

  /**
   * Runs the market for {@code seconds} of event time, sampling the last quote of each instrument
   * and the regime. Few events a second (a book lags its fair value by a fraction of a second) make
   * long runs quick.
   */
  private static Samples sample(
      SimulatorSettings settings, List<SimulatedInstrument> instruments, long seconds) {
    MarketSimulator simulator = new MarketSimulator(settings, 11, START_US, 4, instruments);
    Map<String, Quote> last = new HashMap<>();
    CollectingOutput out =
        new CollectingOutput() {
          @Override
          public void quote(Quote quote) {
            last.put(quote.getInstrument(), quote);
          }
        };
    Samples samples = new Samples(new HashMap<>(), new HashMap<>(), new ArrayList<>());
    simulator.open(out);
    long endUs = START_US + seconds * 1_000_000L;
    for (long atUs = START_US + SAMPLE_US; atUs <= endUs; atUs += SAMPLE_US) {
      while (simulator.nextEventTimeUs() <= atUs) {
        simulator.next(out);
        assertThat(out.deadLetters).isEmpty();
        out.clear();
      }
      for (Quote quote : last.values()) {
        String id = quote.getInstrument();
        samples
            .mids
            .computeIfAbsent(id, k -> new ArrayList<>())
            .add((quote.getBidPrice() + quote.getAskPrice()) / 2);
        samples
            .spreads
            .computeIfAbsent(id, k -> new ArrayList<>())
            .add(quote.getAskPrice() - quote.getBidPrice());
      }
      samples.regimes.add(simulator.regime());
    }
    return samples;
  }

  @Test
  void returnsCorrelateByTheProductOfTheBetas() {
    // Spikes are each instrument's own: without them the factor is all the two share.
    Samples samples =
        sample(
            SimulatorSettings.defaults().withSpikes(SimulatorSettings.Spikes.none()),
            List.of(FIRST, SECOND),
            100_000);

    // 10-s returns. Each book follows its fair value at its own events (two a second here), which
    // takes about 0.02 off the correlation of returns this short.
    double measured = correlation(samples.returns("SIM:AAA", 2), samples.returns("SIM:BBB", 2));
    assertThat(measured).isCloseTo(FIRST.marketBeta() * SECOND.marketBeta(), within(0.04));
  }

  @Test
  void absoluteReturnsAreAutocorrelatedWhileReturnsAreNot() {
    double[] returns =
        sample(SimulatorSettings.defaults(), List.of(FIRST), 100_000).returns("SIM:AAA");
    double[] absolute = new double[returns.length];
    for (int i = 0; i < returns.length; i++) {
      absolute[i] = Math.abs(returns[i]);
    }

    for (int lag = 1; lag <= 3; lag++) {
      assertThat(autocorrelation(returns, lag))
          .as("returns, lag %d", lag)
          .isCloseTo(0, within(0.05));
      assertThat(autocorrelation(absolute, lag)).as("|returns|, lag %d", lag).isGreaterThan(0.15);
    }
  }

  @Test
  void theStressedRegimeHasHigherVolatilityAndWiderSpreads() {
    Samples samples = sample(SimulatorSettings.defaults(), List.of(FIRST), 100_000);
    double[] returns = samples.returns("SIM:AAA");
    List<Double> spreads = samples.spreads.get("SIM:AAA");
    double[] squares = new double[2];
    int[] returnCount = new int[2];
    double[] spreadSum = new double[2];
    int[] spreadCount = new int[2];
    for (int i = 0; i < returns.length; i++) {
      Regime before = samples.regimes.get(i);
      if (before == samples.regimes.get(i + 1)) {
        squares[before.ordinal()] += returns[i] * returns[i];
        returnCount[before.ordinal()]++;
      }
    }
    for (int i = 0; i < spreads.size(); i++) {
      spreadSum[samples.regimes.get(i).ordinal()] += spreads.get(i);
      spreadCount[samples.regimes.get(i).ordinal()]++;
    }
    int quiet = Regime.QUIET.ordinal();
    int stressed = Regime.STRESSED.ordinal();
    assertThat(returnCount[stressed]).isGreaterThan(2_000);
    double volatilityRatio =
        Math.sqrt(
            (squares[stressed] / returnCount[stressed]) / (squares[quiet] / returnCount[quiet]));
    double spreadRatio =
        (spreadSum[stressed] / spreadCount[stressed]) / (spreadSum[quiet] / spreadCount[quiet]);
    // Configured: 2.5× the volatility (spikes, as large in either regime, bring it down a little)
    // and 3× the spread.
    assertThat(volatilityRatio).isBetween(2.0, 3.0);
    assertThat(spreadRatio).isBetween(2.5, 3.5);
  }

  @Test
  void yesAndNoMidsAddUpToOne() {
    MarketSimulator simulator =
        new MarketSimulator(13, START_US, 200, MarketSimulator.defaultInstruments());
    Map<String, Quote> last = new HashMap<>();
    List<Double> sums = new ArrayList<>();
    CollectingOutput out =
        new CollectingOutput() {
          @Override
          public void quote(Quote quote) {
            last.put(quote.getInstrument(), quote);
          }
        };
    simulator.open(out);
    double lowest = 1;
    double highest = 0;
    for (int i = 0; i < 200_000; i++) {
      simulator.next(out);
      Quote yes = last.get("PARIFLOW:election-2028:candidate-a:YES");
      Quote no = last.get("PARIFLOW:election-2028:candidate-a:NO");
      sums.add(
          (yes.getBidPrice() + yes.getAskPrice()) / 2 + (no.getBidPrice() + no.getAskPrice()) / 2);
      lowest = Math.min(lowest, yes.getBidPrice());
      highest = Math.max(highest, yes.getAskPrice());
    }
    assertThat(sums).allSatisfy(sum -> assertThat(sum).isCloseTo(1.0, within(1e-12)));
    assertThat(highest - lowest).as("the YES price moves").isGreaterThan(0.03);
    assertThat(out.deadLetters).isEmpty();
  }

  private static double correlation(double[] x, double[] y) {
    double mx = mean(x);
    double my = mean(y);
    double sxy = 0;
    double sxx = 0;
    double syy = 0;
    for (int i = 0; i < x.length; i++) {
      sxy += (x[i] - mx) * (y[i] - my);
      sxx += (x[i] - mx) * (x[i] - mx);
      syy += (y[i] - my) * (y[i] - my);
    }
    return sxy / Math.sqrt(sxx * syy);
  }

  private static double autocorrelation(double[] x, int lag) {
    double m = mean(x);
    double numerator = 0;
    double denominator = 0;
    for (int i = 0; i < x.length; i++) {
      denominator += (x[i] - m) * (x[i] - m);
      if (i + lag < x.length) {
        numerator += (x[i] - m) * (x[i + lag] - m);
      }
    }
    return numerator / denominator;
  }

  private static double mean(double[] x) {
    double sum = 0;
    for (double v : x) {
      sum += v;
    }
    return sum / x.length;
  }
}
