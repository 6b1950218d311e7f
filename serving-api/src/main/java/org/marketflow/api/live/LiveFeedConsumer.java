package org.marketflow.api.live;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.jboss.logging.Logger;
import org.marketflow.api.common.MarketflowConfig;

/**
 * The service instance's one Kafka consumer of the live feed, on a thread of its own. It assigns
 * itself every partition of the three channel topics (no consumer group: each instance needs every
 * record, and a restart starts from the end, so there is no offset worth committing), reads from
 * the end, and hands each record someone subscribed to to {@link LiveHub#publish}. Records nobody
 * wants are skipped by their key (the instrument id) before they are decoded.
 *
 * <p>Kafka being away never stops the service: the loop retries with a pause, and the REST
 * endpoints do not depend on it. A topic that does not exist yet is looked for again every {@link
 * #METADATA_RETRY}; partitions added to a topic after it was assigned are not picked up until the
 * service restarts.
 */
@ApplicationScoped
public class LiveFeedConsumer {

  private static final Logger LOG = Logger.getLogger(LiveFeedConsumer.class);

  /** How long one poll waits for records; also how fast a stop is noticed. */
  private static final Duration POLL = Duration.ofMillis(200);

  /** Pause before looking again for missing topics, or after a Kafka failure. */
  static final Duration METADATA_RETRY = Duration.ofSeconds(2);

  /** The state of the feed, for {@link LiveFeedHealth}. */
  enum State {
    /** No {@code marketflow.live.kafka.bootstrap-servers}, or {@code enabled=false}. */
    DISABLED,
    /** Looking for the topics, or Kafka unreachable. */
    CONNECTING,
    /** Every topic assigned and positioned at its end: new records reach subscribers. */
    STREAMING
  }

  private final MarketflowConfig.Live config;
  private final LiveHub hub;
  private final UpdateMessages updates;
  private final Counter invalidRecords;
  private final Map<Channel, Counter> records = new EnumMap<>(Channel.class);
  private volatile State state = State.DISABLED;
  private volatile boolean running;
  private final CountDownLatch stopping = new CountDownLatch(1);
  private volatile KafkaConsumer<byte[], byte[]> consumer;
  private Thread thread;

  public LiveFeedConsumer(
      MarketflowConfig config, LiveHub hub, ObjectMapper json, MeterRegistry registry) {
    this.config = config.live();
    this.hub = hub;
    this.updates = new UpdateMessages(json);
    this.invalidRecords =
        Counter.builder("marketflow.live.records.invalid")
            .description("Live-feed records that could not be decoded, skipped")
            .register(registry);
    for (Channel channel : Channel.values()) {
      records.put(
          channel,
          Counter.builder("marketflow.live.records")
              .description("Live-feed records decoded and fanned out, by channel")
              .tag("channel", channel.wireName())
              .register(registry));
    }
  }

  State state() {
    return state;
  }

  void start(@Observes StartupEvent event) {
    if (!config.enabled() || config.kafka().bootstrapServers().isEmpty()) {
      LOG.info(
          "Live feed without updates: marketflow.live.enabled is false or"
              + " marketflow.live.kafka.bootstrap-servers is not set");
      return;
    }
    state = State.CONNECTING;
    running = true;
    thread = new Thread(this::run, "live-feed-kafka");
    thread.setDaemon(true);
    // Avro finds the generated record classes through the context class loader: the service's,
    // not the one of whichever thread started the service (they differ under @QuarkusTest).
    thread.setContextClassLoader(LiveFeedConsumer.class.getClassLoader());
    thread.start();
  }

  void stop(@Observes ShutdownEvent event) throws InterruptedException {
    running = false;
    stopping.countDown();
    KafkaConsumer<byte[], byte[]> current = consumer;
    if (current != null) {
      current.wakeup();
    }
    if (thread != null) {
      thread.join(Duration.ofSeconds(10).toMillis());
    }
  }

  private void run() {
    Map<String, Channel> channelByTopic = new HashMap<>();
    channelByTopic.put(config.kafka().topics().trades(), Channel.TRADES);
    channelByTopic.put(config.kafka().topics().orderbook(), Channel.ORDERBOOK);
    channelByTopic.put(config.kafka().topics().statistics(), Channel.STATISTICS);
    try (KafkaConsumer<byte[], byte[]> kafka = new KafkaConsumer<>(consumerProperties())) {
      consumer = kafka;
      List<TopicPartition> assigned = new ArrayList<>();
      long nextLookup = 0;
      while (running) {
        try {
          if (state != State.STREAMING && System.nanoTime() >= nextLookup) {
            nextLookup = System.nanoTime() + METADATA_RETRY.toNanos();
            assignMissingTopics(kafka, channelByTopic, assigned);
          }
          if (assigned.isEmpty()) {
            pause();
            continue;
          }
          for (ConsumerRecord<byte[], byte[]> record : kafka.poll(POLL)) {
            handle(channelByTopic.get(record.topic()), record);
          }
        } catch (WakeupException e) {
          break;
        } catch (KafkaException e) {
          LOG.warnf("Live feed: Kafka failed (%s); retrying", e.getMessage());
          pause();
        }
      }
    } catch (RuntimeException e) {
      LOG.error("Live feed stopped: no more updates until the service restarts", e);
    } finally {
      state = State.DISABLED;
      consumer = null;
    }
  }

  /**
   * Adds the partitions of the topics not assigned yet, each positioned at its end now (the end is
   * resolved here, not lazily at the next poll, so that STREAMING means every later record
   * arrives).
   */
  private void assignMissingTopics(
      KafkaConsumer<byte[], byte[]> kafka,
      Map<String, Channel> channelByTopic,
      List<TopicPartition> assigned) {
    List<TopicPartition> added = new ArrayList<>();
    int topicsAssigned = 0;
    for (String topic : channelByTopic.keySet()) {
      if (assigned.stream().anyMatch(partition -> partition.topic().equals(topic))) {
        topicsAssigned++;
        continue;
      }
      List<PartitionInfo> partitions = kafka.partitionsFor(topic, METADATA_RETRY);
      if (partitions == null || partitions.isEmpty()) {
        LOG.debugf("Live feed: topic %s not found yet", topic);
        continue;
      }
      topicsAssigned++;
      for (PartitionInfo partition : partitions) {
        added.add(new TopicPartition(topic, partition.partition()));
      }
    }
    if (!added.isEmpty()) {
      List<TopicPartition> all = new ArrayList<>(assigned);
      all.addAll(added);
      kafka.assign(all);
      kafka.seekToEnd(added);
      for (TopicPartition partition : added) {
        kafka.position(partition, METADATA_RETRY);
      }
      assigned.addAll(added);
      LOG.infof("Live feed: reading %s from their end", added);
    }
    state = topicsAssigned == channelByTopic.size() ? State.STREAMING : State.CONNECTING;
  }

  private void handle(Channel channel, ConsumerRecord<byte[], byte[]> record) {
    if (record.value() == null) {
      return;
    }
    // The key is the instrument id: skip records nobody subscribed to without decoding them.
    if (record.key() != null
        && !hub.isWanted(channel, new String(record.key(), StandardCharsets.UTF_8))) {
      return;
    }
    UpdateMessages.Decoded decoded;
    try {
      decoded = updates.decode(channel, record.value());
    } catch (java.io.IOException e) {
      invalidRecords.increment();
      LOG.debugf(
          e,
          "Live feed: skipped %s-%d@%d: %s",
          record.topic(),
          record.partition(),
          record.offset(),
          e.getMessage());
      return;
    }
    records.get(channel).increment();
    hub.publish(channel, decoded.instrument(), decoded.json());
  }

  private Properties consumerProperties() {
    Properties properties = new Properties();
    properties.put(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafka().bootstrapServers().orElseThrow());
    properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
    properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "marketflow-serving-api-live");
    // Latency over batching: hand each record on as soon as it is fetched.
    properties.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 50);
    return properties;
  }

  /** Waits {@link #METADATA_RETRY} before trying again, or less when the service stops. */
  private void pause() {
    try {
      stopping.await(METADATA_RETRY.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }
}
