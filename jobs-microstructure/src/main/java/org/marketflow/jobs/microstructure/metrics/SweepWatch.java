package org.marketflow.jobs.microstructure.metrics;

import java.util.Arrays;
import org.apache.commons.math3.util.KthSelector;
import org.apache.commons.math3.util.MedianOf3PivotingStrategy;

/**
 * Watches one side's top-of-book depth for sweeps and times their recovery; two of them (bids and
 * asks) make a {@link Resilience}.
 *
 * <p>The depth is sampled once a second (the last value of each second, repeated over seconds
 * without an update) into a ring of {@link #samples}, whose median is the side's normal depth. A
 * sweep starts when the depth falls below {@link #sweepFraction} of that median, once {@link
 * #minSamples} seconds are held; the median at that moment is the reference. The trough is the
 * lowest depth since; the sweep ends when the depth is back to trough + ½ (reference − trough) —
 * half the loss regained — and its half-life is the time from the start of the sweep to then. A
 * sweep not recovered within {@link #maxRecoveryUs} ends there, unrecovered.
 */
public class SweepWatch {

  /** Per-second depth samples, a ring. */
  public double[] samples;

  /** Where the next sample goes. */
  public int next;

  /** Samples held. */
  public int count;

  /** The second whose depth is being watched ({@code Long.MIN_VALUE} before the first). */
  public long second = Long.MIN_VALUE;

  /** The latest depth. */
  public double lastDepth = Double.NaN;

  /** The median of the samples, {@code NaN} before the first. */
  public double median = Double.NaN;

  public double sweepFraction;
  public int minSamples;
  public long maxRecoveryUs;

  public boolean inSweep;
  public long sweepStartUs;
  public double reference;
  public double trough;

  /** Selects in place; no state of its own between calls, so one serves every watch. */
  private static final KthSelector SELECTOR = new KthSelector(new MedianOf3PivotingStrategy());

  /** The samples' copy the selection reorders: a full ring's, kept between seconds. */
  private transient double[] work;

  /** For Flink's POJO serializer. */
  public SweepWatch() {}

  public SweepWatch(int samples, int minSamples, double sweepFraction, long maxRecoveryUs) {
    if (samples < 1 || minSamples < 1 || minSamples > samples) {
      throw new IllegalArgumentException(
          "minSamples " + minSamples + " is not between 1 and the samples " + samples);
    }
    if (!(sweepFraction > 0.0 && sweepFraction < 1.0)) {
      throw new IllegalArgumentException("sweepFraction " + sweepFraction + " is not in (0, 1)");
    }
    if (maxRecoveryUs <= 0) {
      throw new IllegalArgumentException("maxRecoveryUs " + maxRecoveryUs + " is not > 0");
    }
    this.samples = new double[samples];
    this.minSamples = minSamples;
    this.sweepFraction = sweepFraction;
    this.maxRecoveryUs = maxRecoveryUs;
  }

  /**
   * The side's depth is {@code depth} from {@code timeUs} on. Returns the half-life in microseconds
   * when this update ends a sweep ({@link #maxRecoveryUs} when it ends unrecovered), else -1.
   */
  public long onDepth(long timeUs, double depth) {
    sample(timeUs);
    lastDepth = depth;
    if (inSweep) {
      trough = Math.min(trough, depth);
      if (depth >= trough + 0.5 * (reference - trough)) {
        inSweep = false;
        return Math.min(timeUs - sweepStartUs, maxRecoveryUs);
      }
      if (timeUs - sweepStartUs >= maxRecoveryUs) {
        inSweep = false;
        return maxRecoveryUs;
      }
    } else if (count >= minSamples && median > 0.0 && depth < sweepFraction * median) {
      inSweep = true;
      sweepStartUs = timeUs;
      reference = median;
      trough = depth;
    }
    return -1;
  }

  private void sample(long timeUs) {
    long now = Math.floorDiv(timeUs, 1_000_000L);
    if (second == Long.MIN_VALUE) {
      second = now;
      return;
    }
    if (now <= second) {
      return;
    }
    if (!Double.isNaN(lastDepth)) {
      long seconds = Math.min(now - second, samples.length);
      for (long i = 0; i < seconds; i++) {
        samples[next] = lastDepth;
        next = (next + 1) % samples.length;
      }
      count = (int) Math.min(count + seconds, samples.length);
      median = median();
    }
    second = now;
  }

  /**
   * The median by selection, not by sorting: each second, for every instrument and side, the ring
   * (300 samples by default) is searched for its middle in linear time instead of sorted.
   */
  private double median() {
    double[] values;
    if (count == samples.length) {
      if (work == null || work.length != count) {
        work = new double[count];
      }
      System.arraycopy(samples, 0, work, 0, count);
      values = work;
    } else {
      values = Arrays.copyOf(samples, count); // while the ring fills: the selector takes it whole
    }
    int half = count / 2;
    double upper = SELECTOR.select(values, null, half);
    if (count % 2 == 1) {
      return upper;
    }
    // The selection leaves the values below the middle in front of it: the lower middle is their
    // largest.
    double lower = values[0];
    for (int i = 1; i < half; i++) {
      lower = Math.max(lower, values[i]);
    }
    return (lower + upper) / 2.0;
  }
}
