package org.marketflow.jobs.microstructure.functions;

import org.apache.flink.api.java.functions.KeySelector;
import org.marketflow.jobs.microstructure.records.SecondQuote;

/**
 * Keys a prediction-market book's quotes by its outcome, {@code PARIFLOW:<eventId>:<outcomeId>}.
 */
public class QuoteOutcome implements KeySelector<SecondQuote, String> {

  @Override
  public String getKey(SecondQuote quote) {
    return quote.outcomeKey();
  }
}
