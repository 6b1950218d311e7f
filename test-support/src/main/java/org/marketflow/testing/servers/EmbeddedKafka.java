package org.marketflow.testing.servers;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An in-process single-node Kafka cluster in KRaft mode (one combined broker and controller), built
 * on Kafka's own {@code KafkaClusterTestKit}.
 *
 * <p>Tests use {@link #shared()}; the local launcher uses {@link #start(int)} and {@link #close()}.
 * Logs live in a temporary directory that is deleted on close.
 */
public final class EmbeddedKafka implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafka.class);

  /** Extra listener on a fixed host port, for clients outside the JVM (the local launcher). */
  private static final String HOST_LISTENER = "HOST";

  private static final Duration TOPIC_TIMEOUT = Duration.ofSeconds(30);

  private static EmbeddedKafka shared;

  private final KafkaClusterTestKit cluster;
  private final Path baseDirectory;
  private final String bootstrapServers;
  private final Admin admin;
  private final boolean isShared;
  private boolean stopped;

  private EmbeddedKafka(
      KafkaClusterTestKit cluster, Path baseDirectory, String bootstrapServers, boolean isShared) {
    this.cluster = cluster;
    this.baseDirectory = baseDirectory;
    this.bootstrapServers = bootstrapServers;
    this.isShared = isShared;
    this.admin =
        Admin.create(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
  }

  /** The broker for this JVM: started on first call, stopped when the JVM exits. */
  public static synchronized EmbeddedKafka shared() {
    if (shared == null) {
      shared = launch(0, true);
      Runtime.getRuntime().addShutdownHook(new Thread(shared::stop, "embedded-kafka-shutdown"));
    }
    return shared;
  }

  /** Starts a broker of your own on a random port; {@link #close()} it when done. */
  public static EmbeddedKafka start() {
    return start(0);
  }

  /**
   * Starts a broker of your own; {@link #close()} it when done.
   *
   * @param port the port clients connect to on 127.0.0.1, or 0 for any free port
   */
  public static EmbeddedKafka start(int port) {
    return launch(port, false);
  }

  /** {@code host:port} for {@code bootstrap.servers}. */
  public String bootstrapServers() {
    return bootstrapServers;
  }

  /** Client properties with {@code bootstrap.servers} set; add serializers and the like. */
  public Properties clientProperties() {
    Properties properties = new Properties();
    properties.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    return properties;
  }

  /** Returns a topic name that no other test uses: {@code <prefix>-<random>}. Not created. */
  public String uniqueTopic(String prefix) {
    return uniqueTopicName(prefix);
  }

  static String uniqueTopicName(String prefix) {
    return UniqueNames.unique(prefix, '-', "A-Za-z0-9._-", 200);
  }

  /**
   * Creates a topic (replication factor 1) and returns once every partition has a leader. Creating
   * a topic that already exists with this partition count is a no-op.
   */
  public void createTopic(String name, int partitions) {
    createTopic(name, partitions, Map.of());
  }

  /** {@link #createTopic(String, int)} with topic configs, e.g. {@code max.message.bytes}. */
  public void createTopic(String name, int partitions, Map<String, String> configs) {
    try {
      try {
        admin
            .createTopics(List.of(new NewTopic(name, partitions, (short) 1).configs(configs)))
            .all()
            .get(TOPIC_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof TopicExistsException)) {
          throw e;
        }
      }
      awaitServing(name, partitions);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("could not create topic " + name, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating topic " + name, e);
    }
  }

  /** Stops the broker and deletes its logs. Does nothing on the {@link #shared()} broker. */
  @Override
  public void close() {
    if (isShared) {
      LOG.debug("close() ignored on the shared broker; it stops when the JVM exits");
      return;
    }
    stop();
  }

  private static EmbeddedKafka launch(int port, boolean isShared) {
    long startedAt = System.nanoTime();
    Path baseDirectory = TempDirectories.create("marketflow-kafka-");
    KafkaClusterTestKit cluster = null;
    try {
      TestKitNodes nodes =
          new TestKitNodes.Builder()
              .setCombined(true)
              .setNumBrokerNodes(1)
              .setNumControllerNodes(1)
              .setBaseDirectory(baseDirectory)
              // Behave like a released broker, not like Kafka's own tests of unreleased features.
              .setBootstrapMetadataVersion(MetadataVersion.latestProduction())
              .build();
      KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(nodes);
      singleNodeBrokerConfig().forEach(builder::setConfigProp);
      if (port > 0) {
        addHostListener(builder, nodes, port);
      }
      cluster = builder.build();
      cluster.format();
      cluster.startup();
      cluster.waitForReadyBrokers();
      String bootstrap = port > 0 ? "127.0.0.1:" + port : cluster.bootstrapServers();
      EmbeddedKafka kafka = new EmbeddedKafka(cluster, baseDirectory, bootstrap, isShared);
      LOG.info(
          "Kafka ready in {} ms at {}", (System.nanoTime() - startedAt) / 1_000_000, bootstrap);
      return kafka;
    } catch (Exception e) {
      closeQuietly(cluster);
      TempDirectories.deleteRecursively(baseDirectory);
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      throw new IllegalStateException("could not start embedded Kafka", e);
    }
  }

  /** Settings a one-broker cluster needs (internal topics default to replication factor 3). */
  private static Map<String, String> singleNodeBrokerConfig() {
    return Map.ofEntries(
        Map.entry("offsets.topic.replication.factor", "1"),
        Map.entry("offsets.topic.num.partitions", "1"),
        Map.entry("transaction.state.log.replication.factor", "1"),
        Map.entry("transaction.state.log.min.isr", "1"),
        Map.entry("transaction.state.log.num.partitions", "1"),
        Map.entry("share.coordinator.state.topic.replication.factor", "1"),
        Map.entry("share.coordinator.state.topic.min.isr", "1"),
        Map.entry("group.initial.rebalance.delay.ms", "0"),
        // Flink's exactly-once Kafka sink uses transactions of up to one hour by default.
        Map.entry("transaction.max.timeout.ms", "3600000"),
        Map.entry("num.partitions", "1"),
        // Retention runs on record timestamps, which are event times: a replay of 2024 data would
        // be deleted minutes after it is written. Keep everything; the broker is throwaway.
        Map.entry("log.retention.ms", "-1"),
        Map.entry("log.retention.bytes", "-1"),
        Map.entry("unstable.api.versions.enable", "false"),
        Map.entry("unstable.feature.versions.enable", "false"));
  }

  /**
   * The test kit binds its own listeners to random ports; a fixed port needs a listener of its own
   * next to them.
   */
  private static void addHostListener(
      KafkaClusterTestKit.Builder builder, TestKitNodes nodes, int port) {
    String broker = nodes.brokerListenerName().value();
    String controller = nodes.controllerListenerName().value();
    builder.setConfigProp(
        "listeners",
        String.format(
            "%s://localhost:0,%s://localhost:0,%s://127.0.0.1:%d",
            broker, controller, HOST_LISTENER, port));
    builder.setConfigProp(
        "listener.security.protocol.map",
        String.format(
            "%s:%s,%s:%s,%s:PLAINTEXT",
            broker,
            nodes.brokerListenerProtocol().name,
            controller,
            nodes.controllerListenerProtocol().name,
            HOST_LISTENER));
  }

  /**
   * Metadata may name a leader before the broker serves the partition, and an idempotent producer
   * whose first batch meets NOT_LEADER_OR_FOLLOWER can have its retry refused as out of sequence.
   * Listing offsets succeeds only once the partitions are served; the admin client retries a
   * missing leader itself, but fails at once on a topic its broker does not know yet, so that case
   * is asked again here.
   */
  private void awaitServing(String topic, int partitions)
      throws InterruptedException, ExecutionException, TimeoutException {
    Map<TopicPartition, OffsetSpec> specs = new HashMap<>();
    for (int p = 0; p < partitions; p++) {
      specs.put(new TopicPartition(topic, p), OffsetSpec.latest());
    }
    long deadline = System.nanoTime() + TOPIC_TIMEOUT.toNanos();
    while (true) {
      try {
        admin.listOffsets(specs).all().get(TOPIC_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        return;
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof UnknownTopicOrPartitionException)
            || System.nanoTime() > deadline) {
          throw e;
        }
      }
      // The topic reaches the broker's metadata within milliseconds; there is nothing to wait on.
      TimeUnit.MILLISECONDS.sleep(20);
    }
  }

  private synchronized void stop() {
    if (stopped) {
      return;
    }
    stopped = true;
    admin.close(Duration.ofSeconds(5));
    closeQuietly(cluster);
    TempDirectories.deleteRecursively(baseDirectory);
  }

  private static void closeQuietly(KafkaClusterTestKit cluster) {
    if (cluster == null) {
      return;
    }
    try {
      cluster.close();
    } catch (Exception e) {
      LOG.warn("error stopping embedded Kafka", e);
    }
  }
}
