package org.marketflow.jobs.analytics.functions;

import org.marketflow.jobs.common.validation.RecordCheck;
import org.marketflow.schemas.avro.OhlcBar;

/**
 * Rejects, as dead letters with the reason, a bar the estimators cannot use: non-finite or
 * non-positive prices, a low above the high, an open or close outside [low, high], a negative or
 * non-finite volume.
 */
public class BarCheck implements RecordCheck<OhlcBar> {

  @Override
  public String problemWith(OhlcBar bar) {
    double o = bar.getOpen();
    double h = bar.getHigh();
    double l = bar.getLow();
    double c = bar.getClose();
    if (!(Double.isFinite(o) && Double.isFinite(h) && Double.isFinite(l) && Double.isFinite(c))) {
      return "non-finite price in bar";
    }
    if (!(l > 0)) {
      return "non-positive low " + l;
    }
    if (l > h || o < l || o > h || c < l || c > h) {
      return "prices out of order: open " + o + " high " + h + " low " + l + " close " + c;
    }
    if (!(bar.getVolume() >= 0) || !Double.isFinite(bar.getVolume())) {
      return "invalid volume " + bar.getVolume();
    }
    return null;
  }
}
