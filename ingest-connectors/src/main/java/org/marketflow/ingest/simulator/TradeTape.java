package org.marketflow.ingest.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.marketflow.schemas.avro.Side;
import org.marketflow.schemas.avro.Trade;

/**
 * Trades alone, and fast: a Poisson stream of trades at the fair values of {@link PriceProcess}
 * (rounded to the tick), each on an instrument chosen at random, of exponential size, buying or
 * selling with equal chance; no books. For load tests of what reads trades only, such as the OHLC
 * benchmark. A prediction-market outcome trades as its YES and its NO side, at complementary
 * prices. Deterministic for a seed and start time; {@link MarketSimulator} is the market with
 * books.
 */
public final class TradeTape {

  private final List<SimulatedInstrument> instruments;
  private final List<BookStream> streams = new ArrayList<>();
  private final List<Integer> instrumentOf = new ArrayList<>();
  private final PriceProcess prices;
  private final SplittableRandom random;
  private final double tradesPerSecond;
  private long timeUs;
  private long trades;

  /**
   * @param seed the random seed
   * @param startTimeUs the start of the tape, epoch microseconds; the first trade follows it
   * @param tradesPerSecond mean event-time rate of trades, all instruments together
   */
  public TradeTape(
      long seed, long startTimeUs, double tradesPerSecond, List<SimulatedInstrument> instruments) {
    Draws.requireRate("tradesPerSecond", tradesPerSecond);
    SplittableRandom root = new SplittableRandom(seed);
    this.instruments = List.copyOf(instruments);
    this.prices =
        new PriceProcess(SimulatorSettings.defaults(), instruments, root.split(), startTimeUs);
    this.random = root.split();
    this.tradesPerSecond = tradesPerSecond;
    this.timeUs = startTimeUs;
    for (int i = 0; i < instruments.size(); i++) {
      for (BookStream stream : BookStream.of(instruments.get(i))) {
        streams.add(stream);
        instrumentOf.add(i);
      }
    }
  }

  /** The next trade, at or after the previous one in event time. */
  public Trade next() {
    timeUs += Draws.gapUs(random, tradesPerSecond);
    prices.advanceTo(timeUs);
    int k = random.nextInt(streams.size());
    int i = instrumentOf.get(k);
    SimulatedInstrument spec = instruments.get(i);
    long ticks = Math.max(1, Math.round(prices.fairValue(i) / spec.tick()));
    if (spec.isPredictionMarket()) {
      ticks = Math.min(99, ticks);
    }
    long lots = Math.max(1, Math.round(Draws.exponential(random, spec.meanSize()) / spec.lot()));
    long receiveUs = Draws.receiveTime(random, timeUs);
    Side side = Draws.either(random, Side.BUY, Side.SELL);
    return streams
        .get(k)
        .trade(new SimulatedBook.Fill(ticks, lots), side, "sim-" + ++trades, timeUs, receiveUs);
  }

  public long currentTimeUs() {
    return timeUs;
  }
}
