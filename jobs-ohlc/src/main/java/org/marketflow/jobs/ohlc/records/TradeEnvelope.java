package org.marketflow.jobs.ohlc.records;

import org.marketflow.schemas.avro.DeadLetter;
import org.marketflow.schemas.avro.Trade;

/**
 * What the trades source emits: a decoded trade, or the dead letter of a record that would not
 * decode. Keeping both in one stream lets a malformed record flow on to the dead-letter topic
 * instead of failing the job.
 */
public class TradeEnvelope {

  private Trade trade;
  private DeadLetter rejected;

  /** For Flink's POJO serializer. */
  public TradeEnvelope() {}

  public static TradeEnvelope of(Trade trade) {
    TradeEnvelope envelope = new TradeEnvelope();
    envelope.trade = trade;
    return envelope;
  }

  public static TradeEnvelope rejected(DeadLetter deadLetter) {
    TradeEnvelope envelope = new TradeEnvelope();
    envelope.rejected = deadLetter;
    return envelope;
  }

  public Trade getTrade() {
    return trade;
  }

  public void setTrade(Trade trade) {
    this.trade = trade;
  }

  public DeadLetter getRejected() {
    return rejected;
  }

  public void setRejected(DeadLetter rejected) {
    this.rejected = rejected;
  }
}
