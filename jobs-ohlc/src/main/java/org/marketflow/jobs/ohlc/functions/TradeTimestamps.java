package org.marketflow.jobs.ohlc.functions;

import org.apache.flink.api.common.eventtime.SerializableTimestampAssigner;
import org.marketflow.jobs.ohlc.records.TradeEnvelope;
import org.marketflow.schemas.avro.Trade;

/**
 * Event time is the venue's trade time. Records the validator will reject anyway (undecodable, or
 * stamped implausibly far from their receive time) get the lowest timestamp, so one bad record
 * cannot drag the watermark into the future and make every later trade late.
 */
public class TradeTimestamps implements SerializableTimestampAssigner<TradeEnvelope> {

  @Override
  public long extractTimestamp(TradeEnvelope envelope, long recordTimestamp) {
    Trade trade = envelope.getTrade();
    if (trade == null || !TradeValidator.hasPlausibleTime(trade)) {
      return Long.MIN_VALUE;
    }
    return trade.getExchangeTimeUs() / 1_000L;
  }
}
