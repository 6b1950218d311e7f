package org.marketflow.benchmarks.flink;

import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.marketflow.jobs.common.JobRunner;
import org.marketflow.jobs.common.kafka.KafkaInput;
import org.marketflow.jobs.common.options.JobConfigBuilder;
import org.marketflow.jobs.common.validation.TradeCheck;
import org.marketflow.jobs.ohlc.OhlcJob;
import org.marketflow.jobs.ohlc.OhlcOptions;
import org.marketflow.schemas.avro.OhlcBar;
import org.marketflow.schemas.avro.Trade;
import org.marketflow.schemas.bars.BarInterval;
import org.marketflow.schemas.kafka.TopicSpec;

/**
 * (b) and (d) jobs-ohlc's own computation: its Kafka source and watermarks, {@link OhlcJob#compute}
 * for the given intervals (1 minute for (b), the job's default seven for (d)), and counting sinks
 * in place of PostgreSQL and Kafka. Only final bars are counted ({@link FinalBars}): the job emits
 * most bars twice, at their end and once final.
 */
public final class DataStreamBarsJob {

  /** The intervals the job computes by default: all seven. */
  public static final List<BarInterval> DEFAULT_INTERVALS = OhlcJob.intervals(new Configuration());

  static final String BARS = "datastream.bars";
  static final String DEAD_LETTERS = "datastream.deadLetters";

  private DataStreamBarsJob() {}

  public static BarsRun run(
      LocalFlinkCluster cluster, KafkaTopicSource source, List<BarInterval> intervals)
      throws Exception {
    StreamExecutionEnvironment env = cluster.environment();
    OhlcJob.Outputs outputs = finalBars(env, source, intervals);
    CountingSink.attach(outputs.bars(), BARS, OhlcBar::getTradeCount, "bench-bars", "Count bars");
    CountingSink.attach(
        outputs.deadLetters(),
        DEAD_LETTERS,
        TradeCount.one(),
        "bench-dead-letters",
        "Count dead letters");

    LocalFlinkCluster.Execution execution =
        cluster.execute(env, "bench-datastream-ohlc-" + codes(intervals));
    return new BarsRun(
        execution.wall(),
        CountingSink.records(execution.result(), BARS),
        CountingSink.trades(execution.result(), BARS),
        CountingSink.records(execution.result(), DEAD_LETTERS));
  }

  /**
   * Adds the job's source and computation of {@code intervals} to {@code env}, configured as the
   * job runs; its bars are the final ones only.
   */
  static OhlcJob.Outputs finalBars(
      StreamExecutionEnvironment env, KafkaTopicSource source, List<BarInterval> intervals) {
    Configuration config = sourceConfig(source, intervals);
    JobRunner.configureRecords(env); // as the job runs
    KafkaInput<Trade> trades =
        KafkaInput.of(OhlcJob.NAME, TopicSpec.TRADES.withName(source.topic()), config)
            .withCheck(new TradeCheck());
    OhlcJob.Outputs outputs =
        OhlcJob.compute(
            trades.addTo(env, OhlcJob.SOURCE_UID, "Kafka trades"), OhlcJob.Settings.from(config));
    return new OhlcJob.Outputs(
        outputs.bars().filter(new FinalBars()).uid("bench-final-bars").name("Final bars"),
        outputs.deadLetters(),
        outputs.statistics(), // not measured: without a sink, Flink leaves them out
        outputs.trades());
  }

  /** The job's options for a bounded read of the whole topic, bars of {@code intervals}. */
  static Configuration sourceConfig(KafkaTopicSource source, List<BarInterval> intervals) {
    return JobConfigBuilder.bounded(source.bootstrapServers(), source.groupId())
        .set(OhlcOptions.TRADES_TOPIC, source.topic())
        .set(OhlcOptions.INTERVALS, intervals.stream().map(BarInterval::code).toList())
        .build();
  }

  /** The interval codes, comma separated: "1m", "1s,1m,5m,15m,1h,4h,1d". */
  static String codes(List<BarInterval> intervals) {
    return String.join(",", intervals.stream().map(BarInterval::code).toList());
  }
}
