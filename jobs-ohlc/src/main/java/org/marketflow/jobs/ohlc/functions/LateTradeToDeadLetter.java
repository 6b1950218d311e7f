package org.marketflow.jobs.ohlc.functions;

import java.nio.ByteBuffer;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.metrics.Counter;
import org.marketflow.schemas.avro.AvroCodec;
import org.marketflow.schemas.avro.DeadLetter;
import org.marketflow.schemas.avro.Trade;
import org.marketflow.schemas.bars.BarInterval;

/** A trade that came after its bar was closed for good: kept, with the reason, not dropped. */
public class LateTradeToDeadLetter extends RichMapFunction<Trade, DeadLetter> {

  static final String STAGE = "jobs-ohlc.late";

  private final String intervalCode;
  private final long allowedLatenessMs;
  private transient AvroCodec<Trade> codec;
  private transient Counter lateTrades;

  public LateTradeToDeadLetter(BarInterval interval, long allowedLatenessMs) {
    this.intervalCode = interval.code();
    this.allowedLatenessMs = allowedLatenessMs;
  }

  @Override
  public void open(OpenContext openContext) {
    codec = AvroCodec.of(Trade.class);
    lateTrades = getRuntimeContext().getMetricGroup().counter("lateTrades");
  }

  @Override
  public DeadLetter map(Trade trade) {
    lateTrades.inc();
    return DeadLetter.newBuilder()
        .setStage(STAGE)
        .setReason(
            "trade later than the allowed lateness of "
                + allowedLatenessMs
                + " ms for its "
                + intervalCode
                + " bar")
        .setRejectedAtUs(trade.getExchangeTimeUs())
        .setRaw(ByteBuffer.wrap(codec.encode(trade)))
        .build();
  }
}
