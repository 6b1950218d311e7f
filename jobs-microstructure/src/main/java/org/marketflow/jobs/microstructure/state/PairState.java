package org.marketflow.jobs.microstructure.state;

import org.marketflow.jobs.common.state.IdleClock;
import org.marketflow.jobs.microstructure.records.SecondQuote;

/** A prediction-market outcome's latest YES and NO quotes in the pair operator. A Flink POJO. */
public class PairState {

  /** The YES book's latest second, {@code null} before its first. */
  public SecondQuote yes;

  /** The NO book's latest second, {@code null} before its first. */
  public SecondQuote no;

  /** When the outcome went quiet, for the clean-up. */
  public IdleClock idle = new IdleClock();

  /** For Flink's POJO serializer. */
  public PairState() {}
}
