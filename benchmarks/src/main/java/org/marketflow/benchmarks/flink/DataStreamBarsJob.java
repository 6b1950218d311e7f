package org.marketflow.benchmarks.flink;

import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.marketflow.jobs.common.JobRunner;
import org.marketflow.jobs.common.kafka.KafkaInput;
import org.marketflow.jobs.common.options.JobConfigBuilder;
import org.marketflow.jobs.common.validation.TradeCheck;
import org.marketflow.jobs.ohlc.OhlcJob;
import org.marketflow.jobs.ohlc.OhlcOptions;
import org.marketflow.schemas.avro.OhlcBar;
import org.marketflow.schemas.avro.Trade;
import org.marketflow.schemas.kafka.TopicSpec;

/**
 * (b) jobs-ohlc's own computation: its Kafka source and watermarks, {@link OhlcJob#compute} for
 * 1-minute bars, and counting sinks in place of PostgreSQL and Kafka. Only final bars are counted
 * ({@link FinalBars}): the job emits most bars twice, at their end and once final.
 */
public final class DataStreamBarsJob {

  static final String BARS = "datastream.bars";
  static final String DEAD_LETTERS = "datastream.deadLetters";

  private DataStreamBarsJob() {}

  public static BarsRun run(LocalFlinkCluster cluster, KafkaTopicSource source) throws Exception {
    Configuration config = sourceConfig(source);
    StreamExecutionEnvironment env = cluster.environment();
    JobRunner.configureRecords(env); // as the job runs
    KafkaInput<Trade> trades =
        KafkaInput.of(OhlcJob.NAME, TopicSpec.TRADES.withName(source.topic()), config)
            .withCheck(new TradeCheck());
    OhlcJob.Outputs outputs =
        OhlcJob.compute(
            trades.addTo(env, OhlcJob.SOURCE_UID, "Kafka trades"), OhlcJob.Settings.from(config));
    DataStream<OhlcBar> finalBars =
        outputs.bars().filter(new FinalBars()).uid("bench-final-bars").name("Final bars");
    CountingSink.attach(finalBars, BARS, OhlcBar::getTradeCount, "bench-bars", "Count bars");
    CountingSink.attach(
        outputs.deadLetters(),
        DEAD_LETTERS,
        TradeCount.one(),
        "bench-dead-letters",
        "Count dead letters");

    LocalFlinkCluster.Execution execution = cluster.execute(env, "bench-datastream-ohlc-1m");
    return new BarsRun(
        execution.wall(),
        CountingSink.records(execution.result(), BARS),
        CountingSink.trades(execution.result(), BARS),
        CountingSink.records(execution.result(), DEAD_LETTERS));
  }

  /** The job's options for a bounded read of the whole topic, 1-minute bars only. */
  static Configuration sourceConfig(KafkaTopicSource source) {
    return JobConfigBuilder.bounded(source.bootstrapServers(), source.groupId())
        .set(OhlcOptions.TRADES_TOPIC, source.topic())
        .set(OhlcOptions.INTERVALS, List.of("1m"))
        .build();
  }
}
