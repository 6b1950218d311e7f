package org.marketflow.ingest.simulator;

/**
 * One simulated instrument.
 *
 * @param id instrument id, e.g. {@code SIM:BTCUSD} or {@code PARIFLOW:<event>:<outcome>:YES}
 * @param startPrice first price
 * @param annualVolatility lognormal volatility per year (for prediction markets: of the log-odds)
 * @param marketBeta loading on the common market factor, -1..1 (this is what correlates them)
 * @param meanSize mean trade size
 * @param tick price increment
 */
public record SimulatedInstrument(
    String id,
    double startPrice,
    double annualVolatility,
    double marketBeta,
    double meanSize,
    double tick) {

  public SimulatedInstrument {
    if (Math.abs(marketBeta) > 1) {
      throw new IllegalArgumentException("marketBeta must be within -1..1, not " + marketBeta);
    }
  }

  public boolean isPredictionMarket() {
    return id.startsWith("PARIFLOW:");
  }
}
