package org.marketflow.benchmarks.kafka;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.utils.AppInfoParser;
import org.marketflow.testing.servers.EmbeddedKafka;

/**
 * The Kafka the benchmark runs against: an in-process KRaft broker of its own, whose log directory
 * (about 1 GB for 10 million trades) lives in a temporary directory deleted on {@link #close()}, or
 * an existing cluster given by its bootstrap servers.
 */
public final class KafkaBroker implements AutoCloseable {

  private final EmbeddedKafka embedded;
  private final String bootstrapServers;

  private KafkaBroker(EmbeddedKafka embedded, String bootstrapServers) {
    this.embedded = embedded;
    this.bootstrapServers = bootstrapServers;
  }

  /** Starts an in-process broker when {@code bootstrapServers} is null. */
  public static KafkaBroker open(String bootstrapServers) {
    if (bootstrapServers != null) {
      return new KafkaBroker(null, bootstrapServers);
    }
    // Kafka's test kit prints its storage formatting to stdout, which carries the report.
    PrintStream stdout = System.out;
    System.setOut(System.err);
    try {
      EmbeddedKafka embedded = EmbeddedKafka.start();
      return new KafkaBroker(embedded, embedded.bootstrapServers());
    } finally {
      System.setOut(stdout);
    }
  }

  public String bootstrapServers() {
    return bootstrapServers;
  }

  public boolean inProcess() {
    return embedded != null;
  }

  public String description() {
    return inProcess()
        ? "in-process Kafka " + AppInfoParser.getVersion() + " (one KRaft broker, same JVM)"
        : "Kafka at " + bootstrapServers;
  }

  /** What a benchmark measures on its fresh topics. */
  @FunctionalInterface
  public interface OnTopics<R> {
    R measure(List<BenchmarkTopic> topics) throws Exception;
  }

  /**
   * Creates the topics {@code names} fresh, with {@code partitions} partitions each, measures on
   * them, and deletes them afterwards from a shared cluster (an in-process broker deletes its log
   * directory on close).
   */
  public <R> R onFreshTopics(List<String> names, int partitions, OnTopics<R> measure)
      throws Exception {
    List<BenchmarkTopic> topics = new ArrayList<>();
    for (String name : names) {
      topics.add(BenchmarkTopic.create(bootstrapServers, name, partitions));
    }
    try {
      return measure.measure(topics);
    } finally {
      if (!inProcess()) {
        topics.forEach(BenchmarkTopic::delete);
      }
    }
  }

  @Override
  public void close() {
    if (embedded != null) {
      embedded.close();
    }
  }
}
