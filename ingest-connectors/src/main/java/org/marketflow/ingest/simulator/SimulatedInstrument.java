package org.marketflow.ingest.simulator;

import org.marketflow.schemas.instrument.InstrumentId;

/**
 * One simulated instrument. A prediction-market outcome is given by its YES side ({@code
 * PARIFLOW:<event>:<outcome>:YES}); the simulator publishes its NO side too, as the complement.
 *
 * @param id instrument id, e.g. {@code SIM:BTCUSD} or {@code PARIFLOW:<event>:<outcome>:YES}
 * @param startPrice first mid price (for a prediction market: the YES probability, 0.01–0.99)
 * @param annualVolatility standard deviation of the log price per year (for a prediction market: of
 *     the log-odds {@code ln(p / (1 − p))}), in the quiet regime with the variance at its mean
 * @param marketBeta loading on the common market factor, −1..1: the returns of two instruments
 *     correlate by the product of their betas
 * @param meanSize mean size of a market order (base units); its size is exponentially distributed
 * @param tick price increment
 * @param lot size increment
 * @param book the shape of its book
 */
public record SimulatedInstrument(
    String id,
    double startPrice,
    double annualVolatility,
    double marketBeta,
    double meanSize,
    double tick,
    double lot,
    BookProfile book) {

  public SimulatedInstrument {
    InstrumentId parsed = InstrumentId.parse(id);
    if (parsed.isPariflow() && !id.endsWith(":YES")) {
      throw new IllegalArgumentException(
          "give a prediction-market outcome by its YES side (its NO side is the complement): "
              + id);
    }
    if (Math.abs(marketBeta) > 1) {
      throw new IllegalArgumentException("marketBeta must be within -1..1, not " + marketBeta);
    }
    if (!(annualVolatility >= 0) || Double.isInfinite(annualVolatility)) {
      throw new IllegalArgumentException(
          "annualVolatility must be 0 or more, not " + annualVolatility);
    }
    if (!(meanSize > 0) || Double.isInfinite(meanSize)) {
      throw new IllegalArgumentException("meanSize must be positive, not " + meanSize);
    }
    DecimalStep.check("tick", tick);
    DecimalStep.check("lot", lot);
    if (parsed.isPariflow()) {
      if (tick != 0.01) {
        throw new IllegalArgumentException("a prediction market's tick is 0.01, not " + tick);
      }
      if (!(startPrice >= 0.01 && startPrice <= 0.99)) {
        throw new IllegalArgumentException(
            "a prediction market's startPrice must be within 0.01-0.99, not " + startPrice);
      }
    } else if (!(startPrice >= tick) || Double.isInfinite(startPrice)) {
      throw new IllegalArgumentException(
          "startPrice must be at least one tick (" + tick + "), not " + startPrice);
    }
  }

  /**
   * An instrument with sizes in lots of 0.000001 and a book of 20 levels per side, one tick wide,
   * holding twice the mean market order at the touch and growing by a quarter of that per level.
   */
  public SimulatedInstrument(
      String id,
      double startPrice,
      double annualVolatility,
      double marketBeta,
      double meanSize,
      double tick) {
    this(
        id,
        startPrice,
        annualVolatility,
        marketBeta,
        meanSize,
        tick,
        0.000001,
        new BookProfile(20, 1, 2 * meanSize, 0.25));
  }

  public boolean isPredictionMarket() {
    return id.startsWith(InstrumentId.PARIFLOW + ":");
  }

  /** The NO side of a prediction-market outcome. */
  String complementId() {
    return id.substring(0, id.length() - ":YES".length()) + ":NO";
  }
}
