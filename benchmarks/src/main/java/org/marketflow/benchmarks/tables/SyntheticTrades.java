package org.marketflow.benchmarks.tables;

import org.apache.flink.api.common.eventtime.SerializableTimestampAssigner;
import org.marketflow.schemas.avro.Side;
import org.marketflow.schemas.avro.Trade;

/**
 * Trade {@code i} of a deterministic stream: instruments {@code SIM:I000..} in turn, one trade each
 * per millisecond of event time. Every fourth instrument ({@code SIM:I003}, {@code SIM:I007}, …)
 * trades as Kraken does, without a trade id or sequence, so the archive derives its ids; the others
 * carry the venue's id and sequence, as Binance's trades do. No two trades are identical.
 */
public final class SyntheticTrades {

  private SyntheticTrades() {}

  public static Trade trade(long i, int instruments) {
    int instrument = (int) (i % instruments);
    long step = i / instruments;
    long timeUs = SyntheticTicks.START_US + step * 1_000L;
    boolean withId = instrument % 4 != 3;
    return Trade.newBuilder()
        .setInstrument(String.format("SIM:I%03d", instrument))
        .setExchangeTimeUs(timeUs)
        .setReceiveTimeUs(timeUs + 250)
        .setSequence(withId ? step : null)
        .setTradeId(withId ? Long.toString(step) : null)
        .setPrice(100.0 * (instrument + 1) + (step % 200) * 0.01)
        .setSize(0.25 * (1 + step % 7))
        .setSide(step % 2 == 0 ? Side.BUY : Side.SELL)
        .build();
  }

  /** Event time is the exchange time, as the job's source takes it. */
  public static class ExchangeTime implements SerializableTimestampAssigner<Trade> {

    @Override
    public long extractTimestamp(Trade trade, long recordTimestamp) {
      return trade.getExchangeTimeUs() / 1_000L;
    }
  }
}
