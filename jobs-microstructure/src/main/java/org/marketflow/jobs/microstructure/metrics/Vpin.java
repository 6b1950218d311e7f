package org.marketflow.jobs.microstructure.metrics;

import org.marketflow.schemas.avro.Side;

/**
 * Toxicity as VPIN (volume-synchronized probability of informed trading, Easley, López de Prado and
 * O'Hara): the traded volume is cut into buckets of V base units each, each bucket's volume split
 * into buys and sells, and VPIN = Σ |V_buy − V_sell| / (n · V) over the last n full buckets, from 0
 * (balanced flow) to 1 (one-sided flow). Undefined ({@code NaN}) until n buckets are full.
 *
 * <p><b>Classification.</b> A trade whose venue names the aggressor counts wholly on that side. A
 * trade without one is split by bulk volume classification: a buy fraction Φ(Δp / σ), with Δp the
 * change from the previous trade's price and σ² an exponentially weighted mean (weight {@link
 * #ALPHA}) of the squared changes so far (Φ(0) = ½ for the first trade; a step where σ is 0).
 *
 * <p><b>Bucket size.</b> A fixed V when configured; otherwise it is calibrated on the instrument's
 * first trades: at the first trade {@link #calibrationUs} or more after the first one, V = (volume
 * of the trades before it / the minutes between the two) / {@link #bucketsPerMinute}, so n = 50
 * buckets of the default 50 a minute span about a minute of average trading. Trades before it are
 * not bucketed. A trade larger than the room left in a bucket fills it and goes on into the next
 * ones, all at its buy fraction.
 *
 * <p>State: n bucket imbalances and a few numbers.
 */
public class Vpin {

  /** Weight of the newest squared price change in σ². */
  public static final double ALPHA = 0.05;

  /** V, base units; 0 while calibrating. */
  public double bucketVolume;

  /** n, the buckets VPIN is over. */
  public int buckets;

  /** For calibration: how long, and buckets a minute of average volume. */
  public long calibrationUs;

  public double bucketsPerMinute;

  /** Time of the first trade of the calibration, {@code Long.MIN_VALUE} before it. */
  public long calibrationStartUs = Long.MIN_VALUE;

  public double calibrationVolume;

  /** The bucket being filled: its buy volume and its volume. */
  public double currentBuy;

  public double currentVolume;

  /** |V_buy − V_sell| of the last full buckets, a ring. */
  public double[] imbalances;

  public int next;
  public int count;

  /** For bulk volume classification: the previous trade's price and σ² of the price changes. */
  public double lastPrice = Double.NaN;

  public double changeVariance = Double.NaN;

  /** For Flink's POJO serializer. */
  public Vpin() {}

  /**
   * @param bucketVolume V in base units, or 0 to calibrate it
   * @param buckets n
   * @param calibrationUs how long to calibrate V on when it is 0
   * @param bucketsPerMinute buckets a minute of average volume, when calibrating
   */
  public Vpin(double bucketVolume, int buckets, long calibrationUs, double bucketsPerMinute) {
    if (!(bucketVolume >= 0.0) || Double.isInfinite(bucketVolume)) {
      throw new IllegalArgumentException("bucketVolume " + bucketVolume + " is not >= 0");
    }
    if (buckets < 1) {
      throw new IllegalArgumentException("buckets " + buckets + " is not >= 1");
    }
    if (bucketVolume == 0.0 && (calibrationUs < 60_000_000L || !(bucketsPerMinute > 0.0))) {
      throw new IllegalArgumentException(
          "calibrating the bucket volume needs at least a minute ("
              + calibrationUs
              + " us) and buckets a minute > 0 ("
              + bucketsPerMinute
              + ")");
    }
    this.bucketVolume = bucketVolume;
    this.buckets = buckets;
    this.calibrationUs = calibrationUs;
    this.bucketsPerMinute = bucketsPerMinute;
    imbalances = new double[buckets];
  }

  /** Adds a trade of {@code size} base units at {@code price} with the aggressor {@code side}. */
  public void addTrade(long timeUs, double price, double size, Side side) {
    if (!(size > 0.0) || Double.isInfinite(size) || !Double.isFinite(price)) {
      return;
    }
    double buyFraction = buyFraction(price, side);
    if (bucketVolume == 0.0 && !calibrated(timeUs, size)) {
      return;
    }
    fill(size, buyFraction);
  }

  /** VPIN over the last n full buckets, from 0 to 1, or {@code NaN} before n are full. */
  public double vpin() {
    if (count < buckets) {
      return Double.NaN;
    }
    double sum = 0.0;
    for (int i = 0; i < buckets; i++) {
      sum += imbalances[i];
    }
    return sum / (buckets * bucketVolume);
  }

  /** The toxicity score: 100 · VPIN. */
  public double toxicityScore() {
    return 100.0 * vpin();
  }

  /** The buy fraction of a trade: 1 or 0 by its side, else by bulk volume classification. */
  private double buyFraction(double price, Side side) {
    double change = Double.isNaN(lastPrice) ? 0.0 : price - lastPrice;
    double fraction;
    if (side == Side.BUY) {
      fraction = 1.0;
    } else if (side == Side.SELL) {
      fraction = 0.0;
    } else if (!(changeVariance > 0.0)) {
      fraction = change > 0.0 ? 1.0 : change < 0.0 ? 0.0 : 0.5;
    } else {
      fraction = NormalCdf.phi(change / Math.sqrt(changeVariance));
    }
    if (!Double.isNaN(lastPrice)) {
      double squared = change * change;
      changeVariance =
          Double.isNaN(changeVariance) ? squared : ALPHA * squared + (1.0 - ALPHA) * changeVariance;
    }
    lastPrice = price;
    return fraction;
  }

  /** Calibrates V on the first trades; whether it is now calibrated and this trade is bucketed. */
  private boolean calibrated(long timeUs, double size) {
    if (calibrationStartUs == Long.MIN_VALUE) {
      calibrationStartUs = timeUs;
    }
    if (timeUs - calibrationStartUs < calibrationUs) {
      calibrationVolume += size;
      return false;
    }
    double minutes = (timeUs - calibrationStartUs) / 60_000_000.0;
    bucketVolume = calibrationVolume / minutes / bucketsPerMinute;
    return true;
  }

  private void fill(double size, double buyFraction) {
    double room = bucketVolume - currentVolume;
    if (size < room) {
      currentBuy += size * buyFraction;
      currentVolume += size;
      return;
    }
    completeBucket(currentBuy + room * buyFraction, currentVolume + room);
    double rest = size - room;
    long whole = (long) Math.floor(rest / bucketVolume);
    double oneBucket = Math.abs(2.0 * buyFraction - 1.0) * bucketVolume;
    for (long i = Math.min(whole, buckets); i > 0; i--) {
      push(oneBucket);
    }
    double left = Math.max(0.0, rest - whole * bucketVolume);
    currentBuy = left * buyFraction;
    currentVolume = left;
  }

  private void completeBucket(double buy, double volume) {
    push(Math.abs(buy - (volume - buy)));
  }

  private void push(double imbalance) {
    imbalances[next] = imbalance;
    next = (next + 1) % buckets;
    count = Math.min(count + 1, buckets);
  }
}
