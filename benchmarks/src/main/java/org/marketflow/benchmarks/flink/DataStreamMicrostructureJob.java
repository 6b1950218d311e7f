package org.marketflow.benchmarks.flink;

import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.marketflow.jobs.common.JobRunner;
import org.marketflow.jobs.common.kafka.KafkaInput;
import org.marketflow.jobs.common.kafka.ValueReading;
import org.marketflow.jobs.common.options.JobConfigBuilder;
import org.marketflow.jobs.common.validation.TradeCheck;
import org.marketflow.jobs.microstructure.MicrostructureJob;
import org.marketflow.jobs.microstructure.MicrostructureOptions;
import org.marketflow.schemas.kafka.TopicSpec;

/**
 * (b) jobs-microstructure's own computation: its three Kafka sources and watermarks (the book topic
 * loaded, the trades and status topics empty), {@link MicrostructureJob#compute}, and counting
 * sinks in place of its Kafka sinks.
 */
public final class DataStreamMicrostructureJob {

  static final String TICKS = "microstructure.ticks";
  static final String SECONDS = "microstructure.seconds";
  static final String SNAPSHOTS = "microstructure.snapshots";
  static final String LIQUIDITY = "microstructure.liquidity";
  static final String BOOK_STATUS = "microstructure.bookStatus";
  static final String PAIRS = "microstructure.pairs";
  static final String DEAD_LETTERS = "microstructure.deadLetters";

  private DataStreamMicrostructureJob() {}

  /**
   * Runs the job over {@code book} to its end offsets.
   *
   * @param tradesTopic an empty trades topic on the same Kafka
   * @param statusTopic an empty status topic on the same Kafka
   */
  public static MicrostructureRun run(
      LocalFlinkCluster cluster, KafkaTopicSource book, String tradesTopic, String statusTopic)
      throws Exception {
    Configuration config =
        JobConfigBuilder.bounded(book.bootstrapServers(), book.groupId())
            .set(MicrostructureOptions.BOOK_TOPIC, book.topic())
            .set(MicrostructureOptions.TRADES_TOPIC, tradesTopic)
            .set(MicrostructureOptions.STATUS_TOPIC, statusTopic)
            .build();
    StreamExecutionEnvironment env = cluster.environment();
    JobRunner.configureRecords(env); // as the job runs
    String job = MicrostructureJob.NAME;
    MicrostructureJob.Outputs outputs =
        MicrostructureJob.compute(
            KafkaInput.of(job, TopicSpec.BOOK.withName(book.topic()), config)
                .addTo(
                    env,
                    MicrostructureJob.BOOK_SOURCE_UID,
                    "Kafka book",
                    ValueReading.bookHeaders()),
            KafkaInput.of(job, TopicSpec.TRADES.withName(tradesTopic), config)
                .withCheck(new TradeCheck())
                .addTo(env, MicrostructureJob.TRADES_SOURCE_UID, "Kafka trades"),
            KafkaInput.of(job, TopicSpec.STATUS.withName(statusTopic), config)
                .addTo(env, MicrostructureJob.STATUS_SOURCE_UID, "Kafka status"),
            MicrostructureJob.settings(config));
    CountingSink.count(outputs.ticks(), TICKS);
    CountingSink.count(outputs.microstructure(), SECONDS);
    CountingSink.count(outputs.snapshots(), SNAPSHOTS);
    CountingSink.count(outputs.liquidity(), LIQUIDITY);
    CountingSink.count(outputs.bookStatus(), BOOK_STATUS);
    CountingSink.count(outputs.predictionPairs(), PAIRS);
    CountingSink.count(outputs.deadLetters(), DEAD_LETTERS);

    LocalFlinkCluster.Execution execution = cluster.execute(env, "bench-datastream-microstructure");
    JobExecutionResult result = execution.result();
    return new MicrostructureRun(
        execution.wall(),
        CountingSink.records(result, TICKS),
        CountingSink.records(result, SECONDS),
        CountingSink.records(result, SNAPSHOTS),
        CountingSink.records(result, LIQUIDITY),
        CountingSink.records(result, BOOK_STATUS),
        CountingSink.records(result, PAIRS),
        CountingSink.records(result, DEAD_LETTERS));
  }
}
