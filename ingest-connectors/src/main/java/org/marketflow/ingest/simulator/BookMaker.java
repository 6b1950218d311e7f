package org.marketflow.ingest.simulator;

import java.util.ArrayList;
import java.util.SplittableRandom;

/**
 * The resting liquidity of one instrument's book: levels one tick apart in a window around the fair
 * value, sized by the instrument's {@link BookProfile} and the regime; limit orders added and
 * cancelled around those sizes; and liquidity holes. Market orders take from the book it keeps.
 */
final class BookMaker {

  /** Where the book's levels may stand: each side's touch and how many levels it holds. */
  record Window(long bestBid, long bestAsk, int bidLevels, int askLevels, double depth) {

    long touch(BookSide side) {
      return side == BookSide.BIDS ? bestBid : bestAsk;
    }

    int levels(BookSide side) {
      return side == BookSide.BIDS ? bidLevels : askLevels;
    }

    /** How many levels from the touch {@code ticks} stands: 0 at the touch, negative inside. */
    long distance(BookSide side, long ticks) {
      return side == BookSide.BIDS ? bestBid - ticks : ticks - bestAsk;
    }
  }

  /** Levels {@code 0..levels-1} of {@code side} are empty until {@code untilUs}. */
  private record Hole(BookSide side, int levels, long untilUs) {
    boolean covers(BookSide s, long k) {
      return side == s && k < levels;
    }
  }

  /** Limit orders are, on average, this fraction of their level's mean size. */
  private static final double ORDER_SHARE = 0.25;

  /**
   * A limit order goes {@code k} levels from the touch with probability {@code 0.3 × 0.7^k}: most
   * near the touch, 2.3 levels out on average.
   */
  private static final double FURTHER_OUT = 0.7;

  /** Spread of sizes around the profile: the standard deviation of their logarithm. */
  private static final double SIZE_DISPERSION = 0.3;

  private final SimulatedBook book = new SimulatedBook();
  private final BookProfile profile;
  private final double tick;
  private final double lot;
  private final long maxTicks;
  private final SimulatorSettings.Regimes regimes;
  private final SimulatorSettings.Holes holes;
  private Window window;
  private Hole hole;
  private long nextHoleUs;

  BookMaker(
      SimulatedInstrument instrument,
      SimulatorSettings settings,
      SplittableRandom random,
      long startUs) {
    this.profile = instrument.book();
    this.tick = instrument.tick();
    this.lot = instrument.lot();
    this.maxTicks = instrument.isPredictionMarket() ? 99 : Long.MAX_VALUE / 4;
    this.regimes = settings.regimes();
    this.holes = settings.holes();
    this.nextHoleUs = nextHole(startUs, random);
  }

  SimulatedBook book() {
    return book;
  }

  /**
   * The window around {@code fairValue}: the spread (the profile's, times the stressed multiplier)
   * centred on it as closely as whole ticks allow, the touch kept within the instrument's price
   * range.
   */
  Window windowAt(double fairValue, Regime regime) {
    boolean stressed = regime == Regime.STRESSED;
    int spread =
        stressed
            ? (int) Math.max(1, Math.round(profile.spreadTicks() * regimes.spread()))
            : profile.spreadTicks();
    long bid = (long) Math.floor(fairValue / tick - spread / 2.0 + 0.5);
    bid = Math.max(1, Math.min(bid, maxTicks - spread));
    long ask = bid + spread;
    int bidLevels = (int) Math.min(profile.levels(), bid);
    int askLevels = (int) Math.min(profile.levels(), maxTicks - ask + 1);
    return new Window(bid, ask, bidLevels, askLevels, stressed ? regimes.depth() : 1);
  }

  /** Whether the book stands in another window than {@code target} (the fair value moved). */
  boolean isAwayFrom(Window target) {
    return !target.equals(window);
  }

  /**
   * Moves the book to {@code target}: cancels every level outside it (or in a hole), and places a
   * level, sized by the profile, at every empty price of it.
   */
  void requote(Window target, SplittableRandom random) {
    window = target;
    for (BookSide side : BookSide.values()) {
      for (Long ticks : new ArrayList<>(book.levels(side).keySet())) {
        long k = window.distance(side, ticks);
        if (k < 0 || k >= window.levels(side) || isHole(side, k)) {
          book.remove(side, ticks);
        }
      }
      for (int k = 0; k < window.levels(side); k++) {
        long ticks = side.away(window.touch(side), k);
        if (!isHole(side, k) && book.level(side, ticks) == null) {
          long lots =
              Math.max(1, Math.round(meanLots(k) * Draws.lognormal(random, SIZE_DISPERSION)));
          int orders = (int) Math.max(1, Math.round(lots / (ORDER_SHARE * meanLots(k))));
          book.put(side, ticks, new SimulatedBook.Level(lots, orders));
        }
      }
    }
  }

  /**
   * One limit order placed or cancelled at a level of the window, mostly near the touch: below its
   * mean size a level more likely gains an order, above it more likely loses one, so sizes revert
   * to the profile (and thin out when the market is stressed).
   */
  void limitOrder(SplittableRandom random) {
    BookSide side = Draws.either(random, BookSide.BIDS, BookSide.ASKS);
    int k = Draws.geometric(random, FURTHER_OUT);
    if (hole != null && hole.side() == side) {
      k += hole.levels();
    }
    if (k >= window.levels(side)) {
      return;
    }
    long ticks = side.away(window.touch(side), k);
    SimulatedBook.Level level = book.level(side, ticks);
    double mean = meanLots(k);
    long orderLots = Math.max(1, Math.round(Draws.exponential(random, ORDER_SHARE * mean)));
    if (level == null) {
      book.put(side, ticks, new SimulatedBook.Level(orderLots, 1));
    } else if (random.nextDouble() < mean / (mean + level.lots())) {
      book.put(side, ticks, new SimulatedBook.Level(level.lots() + orderLots, level.orders() + 1));
    } else if (level.orders() == 1) {
      if (book.levels(side).size() > 1) { // a side is never emptied
        book.remove(side, ticks);
      }
    } else {
      long average = level.lots() / level.orders();
      book.put(side, ticks, new SimulatedBook.Level(level.lots() - average, level.orders() - 1));
    }
  }

  /** Whether a hole is due to open at {@code timeUs} (none is open). */
  boolean holeDue(long timeUs) {
    return hole == null && timeUs >= nextHoleUs;
  }

  /** Whether the open hole has lasted its time at {@code timeUs}. */
  boolean holeOver(long timeUs) {
    return hole != null && timeUs >= hole.untilUs();
  }

  /**
   * Cancels the 1 to {@code maxLevels} levels nearest the touch of one side (leaving one level at
   * least, where a prediction market's side is short).
   */
  void openHole(long timeUs, SplittableRandom random) {
    BookSide side = Draws.either(random, BookSide.BIDS, BookSide.ASKS);
    int levels = Math.min(1 + random.nextInt(holes.maxLevels()), window.levels(side) - 1);
    if (levels < 1) {
      nextHoleUs = nextHole(timeUs, random);
      return;
    }
    long lengthUs = (long) Draws.exponential(random, holes.meanLength().toNanos() / 1e3);
    hole = new Hole(side, levels, timeUs + lengthUs);
    requote(window, random);
  }

  /** Refills the hole's levels. */
  void closeHole(long timeUs, SplittableRandom random) {
    hole = null;
    nextHoleUs = nextHole(timeUs, random);
    requote(window, random);
  }

  private boolean isHole(BookSide side, long k) {
    return hole != null && hole.covers(side, k);
  }

  /** Mean size of level {@code k} in lots, in the current window's regime. */
  private double meanLots(int k) {
    return profile.size(k) * window.depth() / lot;
  }

  private long nextHole(long afterUs, SplittableRandom random) {
    if (holes.perHour() == 0) {
      return Long.MAX_VALUE;
    }
    return afterUs + (long) Draws.exponential(random, 3.6e9 / holes.perHour());
  }
}
