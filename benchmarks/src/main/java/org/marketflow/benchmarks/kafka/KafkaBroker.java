package org.marketflow.benchmarks.kafka;

import java.io.PrintStream;
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

  @Override
  public void close() {
    if (embedded != null) {
      embedded.close();
    }
  }
}
