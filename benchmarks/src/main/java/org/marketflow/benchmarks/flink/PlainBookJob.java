package org.marketflow.benchmarks.flink;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.marketflow.jobs.common.JobRunner;
import org.marketflow.jobs.common.kafka.KafkaInput;
import org.marketflow.jobs.common.options.JobConfigBuilder;
import org.marketflow.jobs.microstructure.MicrostructureJob;
import org.marketflow.schemas.kafka.TopicSpec;

/**
 * (c) the obvious alternative: the job's own Kafka source and watermarks on the book topic, keyed
 * by instrument into a {@link MapStateBook}, whose spreads go to a counting sink.
 */
public final class PlainBookJob {

  static final String SPREADS = "plainBook.spreads";

  private PlainBookJob() {}

  /** Runs it over {@code book} to its end offsets; gives the updates applied. */
  public static BookRun run(LocalFlinkCluster cluster, KafkaTopicSource book) throws Exception {
    Configuration config =
        JobConfigBuilder.bounded(book.bootstrapServers(), book.groupId()).build();
    StreamExecutionEnvironment env = cluster.environment();
    JobRunner.configureRecords(env);
    CountingSink.attach(
        KafkaInput.of(MicrostructureJob.NAME, TopicSpec.BOOK.withName(book.topic()), config)
            .addTo(env, "bench-plain-book-source", "Kafka book")
            .keyBy(new ConsumedInstrument(), Types.STRING)
            .process(new MapStateBook(), Types.DOUBLE)
            .uid("bench-plain-book")
            .name("MapState books"),
        SPREADS,
        TradeCount.one(),
        "bench-plain-book-spreads",
        "Count spreads");
    LocalFlinkCluster.Execution execution = cluster.execute(env, "bench-plain-book");
    return new BookRun(execution.wall(), CountingSink.records(execution.result(), SPREADS));
  }

  /**
   * One finished run of (c).
   *
   * @param updates the updates applied, one spread each
   */
  public record BookRun(java.time.Duration wall, long updates) {}
}
