package org.marketflow.ingest.simulator;

import java.util.List;
import java.util.SplittableRandom;
import org.marketflow.schemas.avro.Side;
import org.marketflow.schemas.avro.Trade;
import org.marketflow.schemas.instrument.InstrumentId;

/**
 * A deterministic tape of trades: the same seed and start time give the same trades, in event-time
 * order. Trades arrive as a Poisson process; prices move as correlated random walks (geometric for
 * exchange instruments, in log-odds for prediction-market outcomes, which stay within 0.01-0.99).
 * Each instrument's shock mixes a common market factor (its beta) with its own noise.
 */
public final class TradeTape {

  private static final double SECONDS_PER_YEAR = 365.25 * 24 * 3600;

  private final List<SimulatedInstrument> instruments;
  private final double[] state;
  private final long[] nextTradeId;

  /** For each instrument, the index of the YES side it complements, or -1. */
  private final int[] complementOf;

  private final SplittableRandom random;
  private final double meanGapUs;
  private long timeUs;

  /**
   * @param seed the random seed
   * @param startTimeUs event time of the first trade, epoch microseconds
   * @param tradesPerSecond mean event-time rate of trades, all instruments together
   */
  public TradeTape(
      long seed, long startTimeUs, double tradesPerSecond, List<SimulatedInstrument> instruments) {
    if (instruments.isEmpty()) {
      throw new IllegalArgumentException("at least one instrument");
    }
    if (!(tradesPerSecond > 0)) {
      throw new IllegalArgumentException("tradesPerSecond must be positive");
    }
    instruments.forEach(i -> InstrumentId.parse(i.id()));
    this.instruments = List.copyOf(instruments);
    this.random = new SplittableRandom(seed);
    this.meanGapUs = 1_000_000.0 / tradesPerSecond;
    this.timeUs = startTimeUs;
    this.state = new double[instruments.size()];
    this.nextTradeId = new long[instruments.size()];
    for (int i = 0; i < state.length; i++) {
      SimulatedInstrument instrument = instruments.get(i);
      state[i] =
          instrument.isPredictionMarket()
              ? Math.log(instrument.startPrice() / (1 - instrument.startPrice()))
              : Math.log(instrument.startPrice());
      nextTradeId[i] = 1;
    }
    this.complementOf = new int[instruments.size()];
    for (int i = 0; i < complementOf.length; i++) {
      String id = instruments.get(i).id();
      String yes = id.endsWith(":NO") ? id.substring(0, id.length() - 3) + ":YES" : null;
      complementOf[i] = -1;
      for (int j = 0; yes != null && j < complementOf.length; j++) {
        if (instruments.get(j).id().equals(yes)) {
          complementOf[i] = j;
        }
      }
    }
  }

  /** Three crypto pairs and both sides of one prediction-market outcome. */
  public static List<SimulatedInstrument> defaultInstruments() {
    return List.of(
        new SimulatedInstrument("SIM:BTCUSD", 60_000, 0.60, 0.9, 0.05, 0.01),
        new SimulatedInstrument("SIM:ETHUSD", 3_000, 0.75, 0.8, 0.8, 0.01),
        new SimulatedInstrument("SIM:SOLUSD", 150, 0.95, 0.7, 10, 0.001),
        new SimulatedInstrument(
            "PARIFLOW:election-2028:candidate-a:YES", 0.42, 100.0, 0.2, 100, 0.01),
        new SimulatedInstrument(
            "PARIFLOW:election-2028:candidate-a:NO", 0.58, 100.0, -0.2, 100, 0.01));
  }

  /** The next trade, at or after the previous one in event time. */
  public Trade next() {
    long gapUs = (long) (-Math.log(1 - random.nextDouble()) * meanGapUs);
    timeUs += gapUs;
    double dtYears = gapUs / 1e6 / SECONDS_PER_YEAR;
    double common = random.nextGaussian();
    for (int i = 0; i < state.length; i++) {
      SimulatedInstrument instrument = instruments.get(i);
      double beta = instrument.marketBeta();
      double shock = beta * common + Math.sqrt(1 - beta * beta) * random.nextGaussian();
      state[i] += instrument.annualVolatility() * Math.sqrt(dtYears) * shock;
    }
    int index = random.nextInt(instruments.size());
    SimulatedInstrument instrument = instruments.get(index);
    double price =
        complementOf[index] >= 0
            ? round(
                1 - price(instruments.get(complementOf[index]), state[complementOf[index]]), 0.01)
            : price(instrument, state[index]);
    double size = round(instrument.meanSize() * -Math.log(1 - random.nextDouble()), 1e-6);
    long tradeId = nextTradeId[index]++;
    Trade.Builder trade =
        Trade.newBuilder()
            .setInstrument(instrument.id())
            .setExchangeTimeUs(timeUs)
            .setReceiveTimeUs(timeUs + 500 + random.nextInt(1_500))
            .setSequence(tradeId)
            .setTradeId(Long.toString(tradeId))
            .setPrice(price)
            .setSize(Math.max(size, 1e-6))
            .setSide(random.nextBoolean() ? Side.BUY : Side.SELL);
    if (instrument.isPredictionMarket()) {
      trade.setIsAmmTrade(random.nextInt(4) == 0).setOrderId("sim-" + tradeId);
    }
    return trade.build();
  }

  public long currentTimeUs() {
    return timeUs;
  }

  private static double price(SimulatedInstrument instrument, double state) {
    if (instrument.isPredictionMarket()) {
      double p = 1 / (1 + Math.exp(-state));
      return Math.min(0.99, Math.max(0.01, round(p, instrument.tick())));
    }
    return Math.max(instrument.tick(), round(Math.exp(state), instrument.tick()));
  }

  /** Rounds to a multiple of {@code tick}, returning the nearest double to that decimal. */
  private static double round(double value, double tick) {
    double ticks = Math.rint(value / tick);
    long scale = Math.round(1 / tick);
    return scale > 0 ? ticks / scale : ticks * tick;
  }
}
