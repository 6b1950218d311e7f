package org.marketflow.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.marketflow.ingest.kafka.NormalizedPublisher;
import org.marketflow.ingest.kafka.TopicAdmin;
import org.marketflow.ingest.recording.Recording;
import org.marketflow.ingest.recording.Recordings;
import org.marketflow.ingest.replay.Pacer;
import org.marketflow.ingest.replay.Replay;
import org.marketflow.ingest.replay.ReplayStats;
import org.marketflow.jobs.analytics.AnalyticsJob;
import org.marketflow.jobs.analytics.AnalyticsOptions;
import org.marketflow.jobs.common.JobRunner;
import org.marketflow.jobs.common.StreamingJob;
import org.marketflow.jobs.common.options.JobConfigBuilder;
import org.marketflow.jobs.common.options.JobOptions;
import org.marketflow.jobs.microstructure.MicrostructureJob;
import org.marketflow.jobs.ohlc.OhlcJob;
import org.marketflow.migrate.MigrateCommand;
import org.marketflow.schemas.kafka.Topics;
import org.marketflow.schemas.redis.RedisKeys;
import org.marketflow.testing.servers.EmbeddedKafka;
import org.marketflow.testing.servers.EmbeddedNeo4j;
import org.marketflow.testing.servers.LocalPostgres;
import org.marketflow.testing.servers.LocalRedis;
import org.marketflow.testing.servers.PostgresServer;
import org.marketflow.testing.servers.RedisServer;
import org.marketflow.testing.service.ServingApiProcess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The whole suite on one machine: an in-process Kafka broker, local PostgreSQL and Redis, every job
 * of {@link #JOBS} on one Flink MiniCluster, the simulator (or a replayed recording) and the
 * packaged API service. Ctrl-C stops all of it, whatever became of the terminal.
 */
@Command(
    name = "run-local",
    mixinStandardHelpOptions = true,
    description = "Runs the MarketFlow suite locally on embedded defaults.")
public final class LocalSuite implements Callable<Integer> {

  private static final Logger LOG = LoggerFactory.getLogger(LocalSuite.class);

  /** The jobs the local run starts; adding a job to the suite is one line here. */
  static final List<StreamingJob> JOBS =
      List.of(new OhlcJob(), new MicrostructureJob(), new AnalyticsJob());

  /** Slots per job on the MiniCluster, and each job's parallelism. */
  private static final int PARALLELISM = 2;

  @Option(
      names = "--replay",
      description =
          "A recording to replay instead of the simulator: hftbacktest (.gz) or cryptofeed"
              + " (<FEED>.ws.<n>.<m>, with its .http. snapshots beside it).")
  Path replay;

  @Option(
      names = "--speed",
      defaultValue = "0",
      description = "Replay pace: 0 as fast as possible, N for N times the original pace.")
  double speed;

  @Option(names = "--http-port", defaultValue = "8080")
  int httpPort;

  @Option(names = "--kafka-port", defaultValue = "9092")
  int kafkaPort;

  @Option(names = "--seed", defaultValue = "42", description = "Simulator seed.")
  long seed;

  @Option(
      names = "--rate",
      defaultValue = "200",
      description =
          "Simulated market events per second, all books together: book changes, each with its"
              + " quote when the top moves and its trades when a market order walks the book"
              + " (default: ${DEFAULT-VALUE}; docs/simulator.md).")
  double rate;

  @Option(
      names = "--backfill",
      defaultValue = "PT15M",
      description = "Simulated history published at once before going live (ISO-8601 duration).")
  Duration backfill;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** Everything started, stopped in reverse order. */
  private final Deque<AutoCloseable> running = new ArrayDeque<>();

  private final CountDownLatch stopped = new CountDownLatch(1);

  @Override
  public Integer call() throws Exception {
    if (replay != null) {
      try {
        Recordings.open(replay, null).close(); // before any server is started
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
      }
    }
    Runtime.getRuntime().addShutdownHook(new Thread(this::stopAll, "marketflow-shutdown"));

    EmbeddedKafka kafka = EmbeddedKafka.start(kafkaPort);
    running.push(kafka);
    String bootstrap = kafka.bootstrapServers();
    TopicAdmin.ensureTopics(bootstrap, 4, Topics.ALL);
    LOG.info("Kafka at {}", bootstrap);

    PostgresServer postgres = LocalPostgres.shared();
    running.push(LocalPostgres::stopIfStartedHere);
    migrate(postgres);
    LOG.info("PostgreSQL at {}", postgres.jdbcUrl());
    RedisServer redis = LocalRedis.shared();
    running.push(LocalRedis::stopIfStartedHere);
    LOG.info("Redis at {}", redis.uri());

    ReplayStats replayed = null;
    if (replay != null) {
      replayed = replayRecording(bootstrap);
    } else {
      startSimulator(bootstrap);
    }
    EmbeddedNeo4j neo4j = EmbeddedNeo4j.start();
    running.push(neo4j);
    LOG.info("Neo4j at {}", neo4j.boltUri());
    Configuration config = jobConfig(bootstrap, postgres, redis);
    config.set(AnalyticsOptions.NEO4J_URL, neo4j.boltUri().toString());
    startJobs(config);

    ServingApiProcess api =
        ServingApiProcess.start(
            ServingApiProcess.packagedJar(),
            httpPort,
            Map.of(
                "MARKETFLOW_PG_URL", postgres.jdbcUrl(),
                "MARKETFLOW_PG_USER", postgres.user(),
                "MARKETFLOW_PG_PASSWORD", postgres.password(),
                "MARKETFLOW_REDIS_URL", redis.uri(),
                "MARKETFLOW_LIVE_KAFKA_BOOTSTRAP_SERVERS", bootstrap),
            Files.createTempFile("marketflow-serving-api", ".log"),
            Duration.ofSeconds(90));
    running.push(api);
    String readKey = api.createKey("local", "read");
    System.out.println(
        welcome(
            api.port(),
            api.log(),
            replayed,
            postgres,
            redis,
            readKey,
            api.adminKeyFile(),
            neo4j.boltUri()));
    stopped.await();
    return 0;
  }

  /** The deployment step, once, before any job starts. */
  private static void migrate(PostgresServer postgres) {
    int exit =
        MigrateCommand.run(
            "--jdbc-url", postgres.jdbcUrl(),
            "--user", postgres.user(),
            "--password", postgres.password());
    if (exit != 0) {
      throw new IllegalStateException("migrating " + postgres.jdbcUrl() + " failed");
    }
  }

  /**
   * One configuration for every job: the options are common, and each job reads its own topics. A
   * replay is a backtest: the jobs read the recorded range and end.
   */
  private Configuration jobConfig(String bootstrap, PostgresServer postgres, RedisServer redis) {
    JobConfigBuilder config =
        replay != null
            ? JobConfigBuilder.bounded(bootstrap, "marketflow-local-replay")
            : JobConfigBuilder.live(bootstrap, "marketflow-local");
    return config
        .jdbc(postgres.jdbcUrl(), postgres.user(), postgres.password())
        .redis(redis.uri())
        .set(JobOptions.CHECKPOINT_INTERVAL, Duration.ofSeconds(10))
        .set(JobOptions.CHECKPOINT_DIR, checkpointDirectory().toUri().toString())
        .build();
  }

  /** A fresh directory for this run's checkpoints: the books outgrow the JobManager's memory. */
  private static Path checkpointDirectory() {
    try {
      return Files.createTempDirectory("marketflow-checkpoints");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private ReplayStats replayRecording(String bootstrap) throws Exception {
    try (NormalizedPublisher publisher = new NormalizedPublisher(bootstrap);
        Recording recording = Recordings.open(replay, null)) {
      ReplayStats stats =
          new Replay(publisher, new Pacer(speed)).withProgress(LOG::info).replay(recording);
      LOG.info("Replayed {}: {}", replay.getFileName(), stats);
      return stats;
    }
  }

  private void startSimulator(String bootstrap) {
    SimulatedMarketFeed feed = SimulatedMarketFeed.start(bootstrap, seed, rate, backfill);
    running.push(feed);
    LOG.info(
        "Simulator publishing books, quotes and trades of {} at {} events/s, from {} ago",
        feed.instruments(),
        rate,
        backfill);
  }

  /**
   * Starts one MiniCluster and submits every job of {@link #JOBS} to it through its REST endpoint,
   * as a client submits to a cluster.
   */
  private void startJobs(Configuration config) throws Exception {
    Configuration clusterConfig = new Configuration();
    clusterConfig.set(RestOptions.BIND_PORT, "0"); // any free port: 8081 may be taken
    MiniCluster cluster =
        new MiniCluster(
            new MiniClusterConfiguration.Builder()
                .setConfiguration(clusterConfig)
                .setNumTaskManagers(1)
                .setNumSlotsPerTaskManager(PARALLELISM * JOBS.size())
                .build());
    cluster.start();
    running.push(cluster);
    URI rest = cluster.getRestAddress().get();
    LOG.info("Flink MiniCluster REST endpoint at {}", rest);
    for (StreamingJob job : JOBS) {
      // Each job gets its own group (and transactional ids) on the shared configuration.
      Configuration jobConfig = new Configuration(config);
      jobConfig.set(JobOptions.GROUP_ID, config.get(JobOptions.GROUP_ID) + "-" + job.name());
      if (job instanceof AnalyticsJob) {
        // The microstructure job's topics: the liquidity regime, liquidity holes, spread blowouts.
        jobConfig.set(AnalyticsOptions.LIQUIDITY_TOPIC, Topics.LIQUIDITY);
        jobConfig.set(AnalyticsOptions.MICROSTRUCTURE_TOPIC, Topics.MICROSTRUCTURE);
      }
      StreamExecutionEnvironment env =
          StreamExecutionEnvironment.createRemoteEnvironment(rest.getHost(), rest.getPort());
      env.setParallelism(PARALLELISM);
      JobClient client = JobRunner.start(job, env, jobConfig);
      running.push(
          () -> {
            // A replay's bounded job may have finished already; only a running job is cancelled.
            if (!client.getJobStatus().get().isGloballyTerminalState()) {
              client.cancel().get();
            }
          });
      LOG.info("{} running on the Flink MiniCluster as job {}", job.name(), client.getJobID());
    }
  }

  /**
   * The lines printed once everything runs. For a replay they name an instrument that was replayed,
   * taken from the trades, not guessed from the file's name.
   *
   * @param replayed what a replay published, or {@code null} when the simulator runs
   */
  static String welcome(
      int port,
      Path serviceLog,
      ReplayStats replayed,
      PostgresServer postgres,
      RedisServer redis,
      String readKey,
      Path adminKeyFile,
      URI neo4j) {
    String base = "http://localhost:" + port + "/api/institutional/market-data/ohlc";
    String curl = "  curl -H '" + ServingApiProcess.API_KEY_HEADER + ": " + readKey + "' '";
    StringBuilder text = new StringBuilder("\nMarketFlow is running. Try:\n\n");
    String instrument =
        replayed == null ? "SIM:BTCUSD" : replayed.firstInstrument().orElse("BINANCE:BTCUSDT");
    if (replayed != null) {
      text.append(curl)
          .append(base)
          .append("?instrument=")
          .append(instrument)
          .append("&interval=1m&limit=10'\n");
      if (replayed.trades() == 0) {
        text.append("  (the recording held no trade: there are no bars to show)\n");
      }
    } else {
      text.append(curl).append(base).append("?instrument=SIM:BTCUSD&interval=1m&limit=5'\n");
      text.append(curl).append(base).append("?eventId=election-2028&interval=1m&limit=5'\n");
    }
    text.append("  curl 'http://localhost:").append(port).append("/q/health'\n");
    text.append("\nThe API key above may read market data (")
        .append(readKey.substring(0, 20))
        .append("...); an admin key, for the admin endpoints, is in ")
        .append(adminKeyFile)
        .append(".\n");
    text.append("\nLive values of the microstructure job:\n\n");
    text.append("  redis-cli -u ")
        .append(redis.uri())
        .append(" GET '")
        .append(RedisKeys.MICROSTRUCTURE) // no TTL: still there after a replay ends
        .append(instrument)
        .append("'\n");
    text.append("  psql '")
        .append(postgresUrl(postgres))
        .append("' -c \"SELECT timestamp, asset_id, mid_price, quoted_spread_bps, depth_bid,")
        .append(" depth_ask, tick_frequency FROM market_microstructure WHERE asset_id = '")
        .append(instrument)
        .append("' ORDER BY timestamp DESC LIMIT 5\"\n");
    text.append("\nThe analytics job's graph (Neo4j at ")
        .append(neo4j)
        .append("; the 1H correlations appear after an hour of bars):\n\n");
    text.append(
            "  MATCH (a:Asset)-[r:CORRELATES_WITH {window: '1H', method: 'pearson'}]->(b:Asset)")
        .append(" RETURN a.id, b.id, r.correlation, r.significance ORDER BY r.correlation DESC\n");
    text.append("  MATCH (a:Regime)-[t:TRANSITIONS_TO]->(b:Regime) RETURN a.name, b.name, t.count,")
        .append(" t.probability\n");
    text.append("\nService log: ").append(serviceLog).append("\nCtrl-C stops everything.\n");
    return text.toString();
  }

  /** The libpq URL of {@code postgres}, user and password included, for {@code psql}. */
  static String postgresUrl(PostgresServer postgres) {
    return postgres
        .jdbcUrl()
        .replaceFirst(
            "^jdbc:postgresql://",
            "postgresql://" + postgres.user() + ":" + postgres.password() + "@");
  }

  /**
   * Stops everything in reverse order. Each step is on its own: one that fails (or whose output has
   * nowhere to go, as after {@code run-local.sh | tee} lost its reader to Ctrl-C) does not keep the
   * next from running.
   */
  private void stopAll() {
    while (!running.isEmpty()) {
      AutoCloseable next = running.pop();
      try {
        next.close();
      } catch (Exception | LinkageError e) {
        LOG.warn("while stopping: {}", e.toString());
      }
    }
    stopped.countDown();
  }

  public static void main(String[] args) {
    int exit = new CommandLine(new LocalSuite()).execute(args);
    if (exit != 0) {
      System.exit(exit);
    }
  }
}
