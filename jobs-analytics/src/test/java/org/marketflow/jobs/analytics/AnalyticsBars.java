package org.marketflow.jobs.analytics;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.marketflow.jobs.analytics.estimators.PriceBar;
import org.marketflow.jobs.common.functions.EventTimeOf;
import org.marketflow.jobs.common.records.Consumed;
import org.marketflow.schemas.avro.OhlcBar;
import org.marketflow.schemas.kafka.TopicSpec;

/**
 * Final 1-minute bars of three instruments for the job's tests: the recorded BTC-PERP bars, an
 * instrument that follows them with noise of its own (correlated), and an independent random walk;
 * in time order, as the bars topic would hand them over.
 */
public final class AnalyticsBars {

  public static final String BTC = "FTX:BTC-PERP";
  public static final String FOLLOWER = "SIM:FOLLOWER";
  public static final String WALK = "SIM:WALK";

  private AnalyticsBars() {}

  /** {@code minutes} minutes of the three instruments, from the recording's first bar. */
  public static List<OhlcBar> bars(int minutes) throws IOException {
    List<PriceBar> recorded = org.marketflow.jobs.analytics.estimators.RecordedBars.all();
    Random random = new Random(7);
    List<OhlcBar> out = new ArrayList<>();
    double follower = 100;
    double walk = 50;
    for (int m = 0; m < minutes; m++) {
      PriceBar b = recorded.get(m);
      out.add(bar(BTC, b.startMs(), b.open(), b.high(), b.low(), b.close(), b.volume()));
      double followerOpen = follower;
      follower *= (b.close() / b.open()) * Math.exp(2e-4 * random.nextGaussian());
      out.add(barFrom(FOLLOWER, b.startMs(), followerOpen, follower, 10 + random.nextDouble()));
      double walkOpen = walk;
      walk *= Math.exp(5e-4 * random.nextGaussian());
      out.add(barFrom(WALK, b.startMs(), walkOpen, walk, 5 + random.nextDouble()));
    }
    return out;
  }

  static OhlcBar barFrom(
      String instrument, long startMs, double open, double close, double volume) {
    return bar(
        instrument,
        startMs,
        open,
        Math.max(open, close) * 1.0002,
        Math.min(open, close) * 0.9998,
        close,
        volume);
  }

  public static OhlcBar bar(
      String instrument, long startMs, double o, double h, double l, double c, double v) {
    return OhlcBar.newBuilder()
        .setInstrument(instrument)
        .setInterval("1m")
        .setBucketStartUs(startMs * 1_000L)
        .setOpen(o)
        .setHigh(h)
        .setLow(l)
        .setClose(c)
        .setVolume(v)
        .setQuoteVolume(v * c)
        .setTradeCount(1)
        .setVwap(c)
        .setFirstTradeTimeUs(startMs * 1_000L)
        .setLastTradeTimeUs(startMs * 1_000L + 1)
        .setRevision(1)
        .setIsFinal(true)
        .build();
  }

  /** The records as consumed at offsets 0, 1, … of one partition, with monotonous watermarks. */
  public static DataStream<Consumed<OhlcBar>> stream(
      StreamExecutionEnvironment env, List<Consumed<OhlcBar>> consumed) {
    return stream(env, consumed, TopicSpec.BARS);
  }

  /** Records of {@code topic} from memory, with monotonous watermarks of their event times. */
  public static <T extends SpecificRecordBase> DataStream<Consumed<T>> stream(
      StreamExecutionEnvironment env, List<Consumed<T>> consumed, TopicSpec<T> topic) {
    return env.fromData(consumed, Consumed.typeInfo(topic.type()))
        .setParallelism(1)
        .assignTimestampsAndWatermarks(
            WatermarkStrategy.<Consumed<T>>forMonotonousTimestamps()
                .withTimestampAssigner(new EventTimeOf<>(topic.eventTime())))
        .setParallelism(1)
        .uid("in-memory-" + topic.name())
        .name("In-memory " + topic.name());
  }

  public static <T> List<Consumed<T>> consumed(List<T> records) {
    List<Consumed<T>> out = new ArrayList<>();
    for (T record : records) {
      out.add(Consumed.of(record, 0, out.size()));
    }
    return out;
  }
}
