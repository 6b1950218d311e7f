package org.marketflow.benchmarks.live;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.awaitility.Awaitility;
import org.marketflow.schemas.avro.AvroCodec;
import org.marketflow.schemas.avro.Side;
import org.marketflow.schemas.avro.Trade;
import org.marketflow.schemas.db.DatabaseMigrations;
import org.marketflow.testing.servers.EmbeddedKafka;
import org.marketflow.testing.servers.LocalPostgres;
import org.marketflow.testing.servers.PostgresDatabase;
import org.marketflow.testing.service.ServingApiProcess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One load run of the WebSocket feed: clients connected and subscribed, trades published at a
 * steady pace with the wall clock as their receive time, deliveries counted and their latency
 * recorded by each client. A message counts when the trade it carries was published in the measured
 * window, whenever it arrives; the run waits for the last ones.
 */
public final class LiveFeedLoad {

  private static final Logger LOG = LoggerFactory.getLogger(LiveFeedLoad.class);
  private static final Duration START_TIMEOUT = Duration.ofMinutes(2);
  private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(30);

  private final LiveFeedLoadOptions options;

  public LiveFeedLoad(LiveFeedLoadOptions options) {
    this.options = options;
  }

  public LiveFeedLoadResult run() throws Exception {
    EmbeddedKafka kafka = null;
    PostgresDatabase database = null;
    ServingApiProcess service = null;
    try {
      URI serviceUrl = options.serviceUrl();
      String bootstrap = options.bootstrapServers();
      String topic = options.topic();
      String apiKey = options.apiKey();
      String where;
      if (serviceUrl == null) {
        kafka = EmbeddedKafka.start();
        bootstrap = kafka.bootstrapServers();
        Map<String, String> topics = new HashMap<>();
        for (String channel : List.of("trades", "orderbook", "statistics")) {
          String name = kafka.uniqueTopic("bench-live-" + channel);
          kafka.createTopic(name, 1);
          topics.put(channel, name);
        }
        topic = topics.get("trades");
        database = LocalPostgres.shared().createDatabase("live_bench");
        DatabaseMigrations.migrate(database.jdbcUrl(), database.user(), database.password());
        Map<String, String> environment = new HashMap<>();
        environment.put("MARKETFLOW_PG_URL", database.jdbcUrl());
        environment.put("MARKETFLOW_PG_USER", nullToEmpty(database.user()));
        environment.put("MARKETFLOW_PG_PASSWORD", nullToEmpty(database.password()));
        environment.put("MARKETFLOW_LIVE_KAFKA_BOOTSTRAP_SERVERS", bootstrap);
        environment.put("MARKETFLOW_LIVE_KAFKA_TOPICS_TRADES", topics.get("trades"));
        environment.put("MARKETFLOW_LIVE_KAFKA_TOPICS_ORDERBOOK", topics.get("orderbook"));
        environment.put("MARKETFLOW_LIVE_KAFKA_TOPICS_STATISTICS", topics.get("statistics"));
        Path log = Files.createTempFile("serving-api-live-bench", ".log");
        service =
            ServingApiProcess.start(
                ServingApiProcess.packagedJar(), 0, environment, log, START_TIMEOUT);
        serviceUrl = service.baseUri();
        apiKey = service.createKey("live-benchmark", "read");
        where =
            "the packaged serving-api started here (-Xmx512m, log "
                + log
                + "), in-process Kafka (1 partition)";
      } else {
        where = "serving-api at " + serviceUrl + ", Kafka at " + bootstrap + ", topic " + topic;
      }
      awaitStreaming(serviceUrl);
      return measure(serviceUrl, apiKey, bootstrap, topic, where);
    } finally {
      if (service != null) {
        service.close();
      }
      if (database != null) {
        database.close();
      }
      if (kafka != null) {
        kafka.close();
      }
    }
  }

  private LiveFeedLoadResult measure(
      URI serviceUrl, String apiKey, String bootstrap, String topic, String where)
      throws Exception {
    long warmupEndMicros;
    long endMicros;
    List<String> instruments = new ArrayList<>();
    for (int i = 0; i < options.instruments(); i++) {
      instruments.add("SIM:LIVE" + i);
    }
    Histogram latency = new ConcurrentHistogram(3);
    URI ws =
        URI.create(serviceUrl.toString().replaceFirst("^http", "ws"))
            .resolve("/api/institutional/market-data/ws");
    HttpClient http = HttpClient.newHttpClient();
    List<LoadClient> clients = new ArrayList<>();
    try (KafkaProducer<byte[], byte[]> producer = producer(bootstrap)) {
      long startMicros = nowMicros() + 1_000_000L; // after every client subscribed
      warmupEndMicros = startMicros + options.warmup().toNanos() / 1_000;
      endMicros = warmupEndMicros + options.measured().toNanos() / 1_000;
      for (int i = 0; i < options.clients(); i++) {
        clients.add(
            LoadClient.connect(http, ws, apiKey, instruments, warmupEndMicros, endMicros, latency));
      }
      LOG.info("{} clients subscribed to {} instruments", clients.size(), instruments.size());
      long published = publish(producer, topic, instruments, warmupEndMicros, endMicros);
      long expected = published * clients.size();
      try {
        Awaitility.await("the last deliveries")
            .atMost(DRAIN_TIMEOUT)
            .pollInterval(Duration.ofMillis(100))
            .until(() -> delivered(clients) >= expected || dropped(clients) > 0);
      } catch (org.awaitility.core.ConditionTimeoutException e) {
        LOG.warn(
            "{} of {} messages delivered after {}", delivered(clients), expected, DRAIN_TIMEOUT);
      }
      return new LiveFeedLoadResult(
          options, published, delivered(clients), latency, dropped(clients), where);
    } finally {
      for (LoadClient client : clients) {
        client.close();
      }
    }
  }

  /** Publishes at the pace of the rate until {@code endMicros}; returns those in the window. */
  private long publish(
      KafkaProducer<byte[], byte[]> producer,
      String topic,
      List<String> instruments,
      long windowStartMicros,
      long endMicros) {
    AvroCodec<Trade> codec = AvroCodec.of(Trade.class);
    double intervalNanos = 1e9 / options.rate();
    long startNanos = System.nanoTime();
    long inWindow = 0;
    for (long i = 0; ; i++) {
      long due = startNanos + (long) (i * intervalNanos);
      long wait = due - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      }
      long now = nowMicros();
      if (now >= endMicros) {
        break;
      }
      String instrument = instruments.get((int) (i % instruments.size()));
      Trade trade =
          Trade.newBuilder()
              .setInstrument(instrument)
              .setExchangeTimeUs(now)
              .setReceiveTimeUs(now)
              .setSequence(i)
              .setTradeId(Long.toString(i))
              .setPrice(100.0 + (i % 100) * 0.01)
              .setSize(1.0)
              .setSide(i % 2 == 0 ? Side.BUY : Side.SELL)
              .build();
      producer.send(
          new ProducerRecord<>(
              topic, instrument.getBytes(StandardCharsets.UTF_8), codec.encode(trade)));
      if (now >= windowStartMicros) {
        inWindow++;
      }
    }
    producer.flush();
    return inWindow;
  }

  private static KafkaProducer<byte[], byte[]> producer(String bootstrap) {
    Properties properties = new Properties();
    properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    properties.put(ProducerConfig.LINGER_MS_CONFIG, 1);
    properties.put(ProducerConfig.ACKS_CONFIG, "1");
    return new KafkaProducer<>(properties);
  }

  /** Waits until the service reads every topic from its end (its live-feed wellness check). */
  private static void awaitStreaming(URI serviceUrl) {
    HttpClient http = HttpClient.newHttpClient();
    HttpRequest well =
        HttpRequest.newBuilder(serviceUrl.resolve("/q/health/well"))
            .timeout(Duration.ofSeconds(5))
            .build();
    Awaitility.await("the live feed streaming")
        .atMost(START_TIMEOUT)
        .pollInterval(Duration.ofMillis(200))
        .until(() -> body(http, well).contains("STREAMING"));
  }

  private static String body(HttpClient http, HttpRequest request)
      throws IOException, InterruptedException {
    return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
  }

  private static long delivered(List<LoadClient> clients) {
    return clients.stream().mapToLong(LoadClient::measured).sum();
  }

  private static int dropped(List<LoadClient> clients) {
    return (int) clients.stream().filter(LoadClient::isClosed).count();
  }

  static long nowMicros() {
    Instant now = Instant.now();
    return TimeUnit.SECONDS.toMicros(now.getEpochSecond()) + now.getNano() / 1_000;
  }

  private static String nullToEmpty(String value) {
    return value == null ? "" : value;
  }
}
