package org.marketflow.benchmarks.flink;

import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.marketflow.jobs.ohlc.OhlcJob;
import org.marketflow.jobs.ohlc.OhlcOptions;
import org.marketflow.jobs.ohlc.TradesSource;
import org.marketflow.jobs.ohlc.records.TradeEnvelope;
import org.marketflow.schemas.avro.OhlcBar;
import org.marketflow.schemas.bars.BarInterval;

/**
 * (b) jobs-ohlc's own computation: its Kafka source and watermarks, {@link OhlcJob#compute} for
 * 1-minute bars, and counting sinks in place of PostgreSQL and Kafka.
 */
public final class DataStreamBarsJob {

  static final String BARS = "datastream.bars";
  static final String DEAD_LETTERS = "datastream.deadLetters";

  private DataStreamBarsJob() {}

  public static BarsRun run(LocalFlinkCluster cluster, KafkaTopicSource source) throws Exception {
    Configuration config = sourceConfig(source);
    StreamExecutionEnvironment env = cluster.environment();
    DataStream<TradeEnvelope> trades =
        env.fromSource(TradesSource.create(config), TradesSource.watermarks(config), "Kafka trades")
            .uid(OhlcJob.SOURCE_UID)
            .name("Kafka trades");
    OhlcJob.Outputs outputs =
        OhlcJob.compute(trades, List.of(BarInterval.M1), config.get(OhlcOptions.ALLOWED_LATENESS));
    CountingSink.attach(outputs.bars(), BARS, OhlcBar::getTradeCount, "bench-bars", "Count bars");
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

  /** The job's options for a bounded read of the whole topic; the rest keep their defaults. */
  static Configuration sourceConfig(KafkaTopicSource source) {
    Configuration config = new Configuration();
    config.set(OhlcOptions.BOOTSTRAP_SERVERS, source.bootstrapServers());
    config.set(OhlcOptions.TRADES_TOPIC, source.topic());
    config.set(OhlcOptions.GROUP_ID, source.groupId());
    config.set(OhlcOptions.START_FROM, OhlcOptions.StartFrom.EARLIEST);
    config.set(OhlcOptions.STOP_AT, OhlcOptions.StopAt.LATEST);
    return config;
  }
}
