package org.marketflow.jobs.analytics.estimators;

/**
 * Wilder's average directional index, updated one bar at a time (period n, 14 by default).
 *
 * <p>For each bar after the first: TR = max(H − L, |H − C₋₁|, |L − C₋₁|); up = H − H₋₁, down = L₋₁
 * − L; +DM = up when up > down and up > 0, else 0; −DM = down when down > up and down > 0, else 0.
 * The first n values of TR, +DM and −DM are summed, then smoothed as S = S − S/n + x. +DI = 100
 * S(+DM)/S(TR), −DI = 100 S(−DM)/S(TR), DX = 100 |+DI − −DI| / (+DI + −DI) (0 when both are 0, as
 * for constant prices). ADX is the mean of the first n DX, then ADX = (ADX (n − 1) + DX) / n: it is
 * defined from the (2n)th bar on. 0 to 100.
 *
 * <p>Trend direction: UP when ADX ≥ {@link #TREND_THRESHOLD} and +DI > −DI, DOWN when ADX ≥ 25 and
 * −DI > +DI, SIDEWAYS otherwise (Wilder's reading: below 25 there is no trend to speak of).
 *
 * <p>Mutable, one per instrument; its fields are the whole state (a few doubles).
 */
public final class Adx {

  public static final int DEFAULT_PERIOD = 14;
  public static final double TREND_THRESHOLD = 25;

  public enum Direction {
    UP,
    DOWN,
    SIDEWAYS
  }

  private final int period;
  private boolean hasPrevious;
  private double previousHigh;
  private double previousLow;
  private double previousClose;
  private int movements;
  private double smoothedTr;
  private double smoothedPlusDm;
  private double smoothedMinusDm;
  private int dxCount;
  private double dxSum;
  private double adx = Double.NaN;
  private double plusDi = Double.NaN;
  private double minusDi = Double.NaN;

  public Adx(int period) {
    if (period < 2) {
      throw new IllegalArgumentException("period must be at least 2: " + period);
    }
    this.period = period;
  }

  /** Takes the next bar; an invalid bar is ignored (the caller dead-letters it). */
  public void add(PriceBar bar) {
    if (!bar.isValid()) {
      return;
    }
    if (hasPrevious) {
      double tr =
          Math.max(
              bar.high() - bar.low(),
              Math.max(Math.abs(bar.high() - previousClose), Math.abs(bar.low() - previousClose)));
      double up = bar.high() - previousHigh;
      double down = previousLow - bar.low();
      double plusDm = up > down && up > 0 ? up : 0;
      double minusDm = down > up && down > 0 ? down : 0;
      movements++;
      if (movements <= period) {
        smoothedTr += tr;
        smoothedPlusDm += plusDm;
        smoothedMinusDm += minusDm;
      } else {
        smoothedTr += tr - smoothedTr / period;
        smoothedPlusDm += plusDm - smoothedPlusDm / period;
        smoothedMinusDm += minusDm - smoothedMinusDm / period;
      }
      if (movements >= period) {
        addDx();
      }
    }
    hasPrevious = true;
    previousHigh = bar.high();
    previousLow = bar.low();
    previousClose = bar.close();
  }

  private void addDx() {
    plusDi = smoothedTr > 0 ? 100 * smoothedPlusDm / smoothedTr : 0;
    minusDi = smoothedTr > 0 ? 100 * smoothedMinusDm / smoothedTr : 0;
    double diSum = plusDi + minusDi;
    double dx = diSum > 0 ? 100 * Math.abs(plusDi - minusDi) / diSum : 0;
    dxCount++;
    if (dxCount < period) {
      dxSum += dx;
    } else if (dxCount == period) {
      adx = (dxSum + dx) / period;
    } else {
      adx = (adx * (period - 1) + dx) / period;
    }
  }

  /** The ADX, or undefined before 2n bars. */
  public Estimate adx() {
    return Double.isNaN(adx) ? Estimate.undefined(Estimate.TOO_FEW_POINTS) : Estimate.of(adx);
  }

  public double plusDi() {
    return plusDi;
  }

  public double minusDi() {
    return minusDi;
  }

  /** UP, DOWN or SIDEWAYS by the rule above; SIDEWAYS while the ADX is undefined. */
  public Direction direction() {
    if (Double.isNaN(adx) || adx < TREND_THRESHOLD || plusDi == minusDi) {
      return Direction.SIDEWAYS;
    }
    return plusDi > minusDi ? Direction.UP : Direction.DOWN;
  }
}
