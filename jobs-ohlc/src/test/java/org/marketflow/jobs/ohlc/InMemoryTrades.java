package org.marketflow.jobs.ohlc;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.marketflow.jobs.common.functions.EventTimeOf;
import org.marketflow.jobs.common.records.Consumed;
import org.marketflow.schemas.avro.Trade;
import org.marketflow.schemas.bars.BarInterval;
import org.marketflow.schemas.kafka.DeadLetters;
import org.marketflow.schemas.kafka.TopicSpec;

/**
 * Trades as the job's Kafka source would hand them over, from memory: consumed at offsets 0, 1, 2…
 * of partition 0, with a watermark right behind every trade, so that which trade is late depends on
 * the order given, not on timing. Run at parallelism 1 for that order to hold.
 */
public final class InMemoryTrades {

  public static final String TOPIC = "in-memory-trades";

  private InMemoryTrades() {}

  public static DataStream<Consumed<Trade>> stream(
      StreamExecutionEnvironment env, List<Trade> trades) {
    List<Consumed<Trade>> consumed = new ArrayList<>();
    for (Trade trade : trades) {
      consumed.add(Consumed.of(trade, 0, consumed.size()));
    }
    return consumed(env, consumed);
  }

  /** Records as consumed, rejected ones included. */
  public static DataStream<Consumed<Trade>> consumed(
      StreamExecutionEnvironment env, List<Consumed<Trade>> consumed) {
    return env.fromData(consumed, Consumed.typeInfo(Trade.class))
        .assignTimestampsAndWatermarks(watermarkPerTrade())
        .uid("in-memory-trades")
        .name("In-memory trades");
  }

  /** 1-minute bars, one minute of allowed lateness, dead letters naming {@link #TOPIC}. */
  public static OhlcJob.Settings oneMinuteBars() {
    return new OhlcJob.Settings(
        List.of(BarInterval.M1),
        Duration.ofMinutes(1),
        TopicSpec.TRADES.withName(TOPIC),
        DeadLetters.DEFAULT);
  }

  private static WatermarkStrategy<Consumed<Trade>> watermarkPerTrade() {
    return WatermarkStrategy.<Consumed<Trade>>forGenerator(
            context ->
                new WatermarkGenerator<>() {
                  @Override
                  public void onEvent(Consumed<Trade> event, long timestamp, WatermarkOutput out) {
                    if (!event.isRejected()) { // a dead letter's time is Long.MIN_VALUE
                      out.emitWatermark(new Watermark(timestamp - 1));
                    }
                  }

                  @Override
                  public void onPeriodicEmit(WatermarkOutput out) {}
                })
        .withTimestampAssigner(new EventTimeOf<>(TopicSpec.TRADES.eventTime()));
  }
}
