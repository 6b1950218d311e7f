package org.marketflow.ingest.simulator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.marketflow.ingest.feed.FeedOutput;
import org.marketflow.ingest.feed.FeedStatuses;
import org.marketflow.schemas.avro.BookUpdate;
import org.marketflow.schemas.avro.FeedState;
import org.marketflow.schemas.avro.Quote;
import org.marketflow.schemas.avro.Side;
import org.marketflow.schemas.avro.Trade;

/**
 * A simulated market of order books: every instrument has an L2 book around its fair value, whose
 * changes it publishes as book deltas, with a quote whenever the top of a book changes and the
 * trades of market orders that walk the book. Fair values follow a one-factor model with clustered
 * volatility, quiet and stressed regimes and spikes ({@link PriceProcess}); books are kept by a
 * {@link BookMaker} each. A prediction-market outcome's book is published twice: as its YES side
 * and as its complement, the NO side. The model and its parameters: {@code docs/simulator.md}.
 *
 * <p>Events arrive as a Poisson process of {@code eventsPerSecond} (event time, all books
 * together); each falls on a book chosen at random and is one of, in this order of precedence: the
 * end of a liquidity hole (its levels refill), the start of one, a requote (the fair value or the
 * regime moved the book's window), a market order, or a limit order placed or cancelled. Every
 * event that changes a book publishes, at its time: the trades, then for each instrument of the
 * book one delta and, if the top changed, one quote.
 *
 * <p>Deterministic: the same seed, start time, rate, settings and instruments give the same
 * records. Prices and order flow draw from two generators split from the seed, so the fair values
 * do not depend on the rate. Not thread-safe.
 */
public final class MarketSimulator {

  /** Market orders never take more than this share of the side they hit: it is never emptied. */
  private static final double MAX_TAKE = 0.7;

  /** One book and the instruments read from it: itself, and for a prediction market its NO side. */
  private record Market(
      int index, SimulatedInstrument spec, BookMaker maker, List<BookStream> streams) {}

  private final SimulatorSettings settings;
  private final List<Market> markets = new ArrayList<>();
  private final Map<String, BookStream> streams = new HashMap<>();
  private final Map<String, Market> marketOf = new HashMap<>();
  private final PriceProcess prices;
  private final SplittableRandom flow;
  private final double eventsPerSecond;
  private final long seed;
  private long timeUs;
  private long nextTimeUs;
  private long marketOrders;
  private boolean open;

  /** A market with the {@link SimulatorSettings#defaults() default settings}. */
  public MarketSimulator(
      long seed, long startTimeUs, double eventsPerSecond, List<SimulatedInstrument> instruments) {
    this(SimulatorSettings.defaults(), seed, startTimeUs, eventsPerSecond, instruments);
  }

  /**
   * @param seed the random seed
   * @param startTimeUs event time of the opening snapshots, epoch microseconds
   * @param eventsPerSecond the rate knob: mean number of market events per second of event time,
   *     all books together (each publishes a delta per instrument of its book, and a quote and
   *     trades when it brings them)
   */
  public MarketSimulator(
      SimulatorSettings settings,
      long seed,
      long startTimeUs,
      double eventsPerSecond,
      List<SimulatedInstrument> instruments) {
    Draws.requireRate("eventsPerSecond", eventsPerSecond);
    SplittableRandom root = new SplittableRandom(seed);
    this.settings = settings;
    this.seed = seed;
    this.eventsPerSecond = eventsPerSecond;
    this.prices = new PriceProcess(settings, instruments, root.split(), startTimeUs);
    this.flow = root.split();
    for (SimulatedInstrument spec : instruments) {
      List<BookStream> published = BookStream.of(spec);
      Market market =
          new Market(
              markets.size(), spec, new BookMaker(spec, settings, flow, startTimeUs), published);
      markets.add(market);
      for (BookStream stream : published) {
        if (streams.put(stream.instrument(), stream) != null) {
          throw new IllegalArgumentException("instrument " + stream.instrument() + " given twice");
        }
        marketOf.put(stream.instrument(), market);
      }
    }
    this.timeUs = startTimeUs;
    this.nextTimeUs = startTimeUs;
  }

  /**
   * Three crypto pairs and one prediction-market outcome (published as its YES and its NO side):
   * the local run's market. Their parameters are listed in {@code docs/simulator.md}.
   */
  public static List<SimulatedInstrument> defaultInstruments() {
    return List.of(
        new SimulatedInstrument(
            "SIM:BTCUSD", 60_000, 0.60, 0.9, 0.25, 1, 0.0001, new BookProfile(20, 1, 0.5, 0.15)),
        new SimulatedInstrument(
            "SIM:ETHUSD", 3_000, 0.75, 0.8, 3, 0.1, 0.001, new BookProfile(20, 1, 6, 0.15)),
        new SimulatedInstrument(
            "SIM:SOLUSD", 150, 0.95, 0.7, 50, 0.01, 0.01, new BookProfile(20, 1, 100, 0.15)),
        new SimulatedInstrument(
            "PARIFLOW:election-2028:candidate-a:YES",
            0.42,
            30,
            0.2,
            100,
            0.01,
            1,
            new BookProfile(20, 1, 400, 0.2)));
  }

  /** The instruments it publishes, in order: each book's, the NO side after its YES side. */
  public List<String> instruments() {
    List<String> ids = new ArrayList<>();
    markets.forEach(market -> market.streams().forEach(stream -> ids.add(stream.instrument())));
    return ids;
  }

  /**
   * Opens the market at the start time: for each instrument {@code CONNECTED}, a snapshot of its
   * book and a quote of its top.
   */
  public void open(FeedOutput out) {
    if (open) {
      throw new IllegalStateException("the market is open already");
    }
    open = true;
    long receiveUs = Draws.receiveTime(flow, timeUs);
    for (Market market : markets) {
      BookMaker maker = market.maker();
      maker.requote(maker.windowAt(prices.fairValue(market.index()), prices.regime()), flow);
      maker.book().takeChanges();
      for (BookStream stream : market.streams()) {
        out.status(
            FeedStatuses.of(
                stream.instrument(),
                FeedState.CONNECTED,
                timeUs,
                "simulated market, seed " + seed));
        out.book(stream.snapshot(maker.book(), timeUs, receiveUs, false));
        out.quote(stream.quoteIfChanged(maker.book(), timeUs, receiveUs));
      }
    }
    nextTimeUs = timeUs + Draws.gapUs(flow, eventsPerSecond);
  }

  /** Event time of the next event, epoch microseconds. */
  public long nextEventTimeUs() {
    return nextTimeUs;
  }

  /** Publishes the next event's records (none when it happens to change nothing). */
  public void next(FeedOutput out) {
    if (!open) {
      throw new IllegalStateException("open the market first");
    }
    timeUs = nextTimeUs;
    nextTimeUs = timeUs + Draws.gapUs(flow, eventsPerSecond);
    prices.advanceTo(timeUs);
    Market market = markets.get(flow.nextInt(markets.size()));
    BookMaker maker = market.maker();
    BookMaker.Window window = maker.windowAt(prices.fairValue(market.index()), prices.regime());
    long receiveUs = Draws.receiveTime(flow, timeUs);
    if (maker.holeOver(timeUs)) {
      maker.closeHole(timeUs, flow);
    } else if (maker.holeDue(timeUs)) {
      maker.openHole(timeUs, flow);
    } else if (maker.isAwayFrom(window)) {
      maker.requote(window, flow);
    } else if (flow.nextDouble() < settings.marketOrderShare()) {
      marketOrder(market, receiveUs, out);
    } else {
      maker.limitOrder(flow);
    }
    List<SimulatedBook.Change> changes = maker.book().takeChanges();
    if (changes.isEmpty()) {
      return;
    }
    for (BookStream stream : market.streams()) {
      out.book(stream.delta(changes, timeUs, receiveUs));
      Quote quote = stream.quoteIfChanged(maker.book(), timeUs, receiveUs);
      if (quote != null) {
        out.quote(quote);
      }
    }
  }

  /** Closes the market at the last event's time: {@code DISCONNECTED} for each instrument. */
  public void stop(FeedOutput out) {
    for (String instrument : instruments()) {
      out.status(FeedStatuses.of(instrument, FeedState.DISCONNECTED, timeUs, "simulator stopped"));
    }
  }

  /** The market's regime at the last event. */
  public Regime regime() {
    return prices.regime();
  }

  /**
   * The book of {@code instrument} as it is now, as a snapshot numbered as its last update: what a
   * consumer of its updates so far holds.
   */
  public BookUpdate book(String instrument) {
    BookStream stream = streams.get(instrument);
    if (stream == null) {
      throw new IllegalArgumentException("no simulated instrument " + instrument);
    }
    return stream.snapshot(marketOf.get(instrument).maker().book(), timeUs, timeUs, true);
  }

  /**
   * A market order of exponential size (mean: the instrument's {@code meanSize}) on one of the
   * book's instruments, buying or selling with equal chance; it walks the book, publishing one
   * trade per level it reaches.
   */
  private void marketOrder(Market market, long receiveUs, FeedOutput out) {
    List<BookStream> published = market.streams();
    BookStream taker = published.get(flow.nextInt(published.size()));
    Side side = Draws.either(flow, Side.BUY, Side.SELL);
    BookSide hit = taker.source(side == Side.BUY ? BookSide.ASKS : BookSide.BIDS);
    SimulatedBook book = market.maker().book();
    long lots = Math.round(Draws.exponential(flow, market.spec().meanSize()) / market.spec().lot());
    long most = (long) (MAX_TAKE * book.totalLots(hit));
    if (most < 1) {
      market.maker().limitOrder(flow);
      return;
    }
    String orderId = "sim-" + ++marketOrders;
    for (SimulatedBook.Fill fill : book.take(hit, Math.max(1, Math.min(lots, most)))) {
      Trade trade = taker.trade(fill, side, orderId, timeUs, receiveUs);
      out.trade(trade);
    }
  }
}
