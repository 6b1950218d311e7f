package org.marketflow.testing.servers;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Logging;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Relationship;
import org.neo4j.graphdb.ResourceIterable;
import org.neo4j.graphdb.Transaction;
import org.neo4j.graphdb.schema.ConstraintDefinition;
import org.neo4j.graphdb.schema.IndexDefinition;
import org.neo4j.graphdb.schema.IndexType;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An in-process Neo4j (Community edition, via {@code neo4j-harness}) with Bolt on a random loopback
 * port and no HTTP server. Authentication is off.
 *
 * <p>Community edition has a single user database, so tests isolate themselves either with {@link
 * #wipe()} before each test or by giving their nodes a {@link #uniqueLabel(String)}.
 *
 * <p>Needs {@code org.neo4j.test:neo4j-harness} and {@code org.neo4j.driver:neo4j-java-driver} on
 * the classpath: test-support declares them optional, so declare them where you use this class.
 */
public final class EmbeddedNeo4j implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedNeo4j.class);

  private static EmbeddedNeo4j shared;

  private final Neo4j neo4j;
  private final Path workingDirectory;
  private final boolean isShared;
  private Driver driver;
  private boolean stopped;

  private EmbeddedNeo4j(Neo4j neo4j, Path workingDirectory, boolean isShared) {
    this.neo4j = neo4j;
    this.workingDirectory = workingDirectory;
    this.isShared = isShared;
  }

  /** The instance for this JVM: started on first call, stopped when the JVM exits. */
  public static synchronized EmbeddedNeo4j shared() {
    if (shared == null) {
      shared = launch(true);
      Runtime.getRuntime().addShutdownHook(new Thread(shared::stop, "embedded-neo4j-shutdown"));
    }
    return shared;
  }

  /** Starts an instance of your own; {@link #close()} it when done. */
  public static EmbeddedNeo4j start() {
    return launch(false);
  }

  /** {@code bolt://127.0.0.1:<port>}. */
  public URI boltUri() {
    return neo4j.boltURI();
  }

  /** A driver for {@link #boltUri()}, shared by callers: do not close it. */
  public synchronized Driver driver() {
    if (driver == null) {
      driver =
          GraphDatabase.driver(
              boltUri(),
              AuthTokens.none(),
              Config.builder().withoutEncryption().withLogging(Logging.slf4j()).build());
    }
    return driver;
  }

  /** Direct in-process access to the default database. */
  public GraphDatabaseService database() {
    return neo4j.defaultDatabaseService();
  }

  /** Returns a label no other test uses: {@code <prefix>_<random>}, letters, digits and '_'. */
  public String uniqueLabel(String prefix) {
    String base = prefix == null ? "" : prefix;
    boolean startsWithLetter = !base.isEmpty() && Character.isLetter(base.charAt(0));
    return UniqueNames.unique(startsWithLetter ? base : "L" + base, '_', "A-Za-z0-9_", 100);
  }

  /**
   * Deletes every node and relationship, and drops every constraint and index. Uses the embedded
   * API rather than Cypher, so it costs no query planning.
   */
  public void wipe() {
    GraphDatabaseService db = database();
    try (Transaction tx = db.beginTx();
        ResourceIterable<Relationship> relationships = tx.getAllRelationships();
        ResourceIterable<Node> nodes = tx.getAllNodes()) {
      relationships.forEach(Relationship::delete);
      nodes.forEach(Node::delete);
      tx.commit();
    }
    // Constraints first: dropping one also drops the index that backs it.
    try (Transaction tx = db.beginTx()) {
      tx.schema().getConstraints().forEach(ConstraintDefinition::drop);
      tx.commit();
    }
    try (Transaction tx = db.beginTx()) {
      for (IndexDefinition index : tx.schema().getIndexes()) {
        // LOOKUP indexes are built in (label and relationship-type scans): keep them.
        if (index.getIndexType() != IndexType.LOOKUP) {
          index.drop();
        }
      }
      tx.commit();
    }
  }

  /** Stops Neo4j and deletes its files. Does nothing on the {@link #shared()} instance. */
  @Override
  public void close() {
    if (isShared) {
      LOG.debug("close() ignored on the shared Neo4j; it stops when the JVM exits");
      return;
    }
    stop();
  }

  private static EmbeddedNeo4j launch(boolean isShared) {
    long startedAt = System.nanoTime();
    Path workingDirectory = TempDirectories.create("marketflow-neo4j-");
    try {
      Neo4j neo4j =
          Neo4jBuilders.newInProcessBuilder(workingDirectory)
              .withDisabledServer()
              .withConfig(BoltConnector.enabled, true)
              .withConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", 0))
              .withConfig(GraphDatabaseSettings.udc_enabled, false)
              .withConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
              .withConfig(GraphDatabaseSettings.preallocate_store_files, false)
              // Bolt waits out a 5 s quiet period on shutdown by default; nothing is in flight.
              .withConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
              .withConfig(
                  GraphDatabaseInternalSettings.netty_server_shutdown_timeout,
                  Duration.ofSeconds(2))
              .build();
      LOG.info(
          "Neo4j ready in {} ms at {}",
          (System.nanoTime() - startedAt) / 1_000_000,
          neo4j.boltURI());
      return new EmbeddedNeo4j(neo4j, workingDirectory, isShared);
    } catch (RuntimeException e) {
      TempDirectories.deleteRecursively(workingDirectory);
      throw new IllegalStateException("could not start embedded Neo4j", e);
    }
  }

  private synchronized void stop() {
    if (stopped) {
      return;
    }
    stopped = true;
    if (driver != null) {
      driver.close();
    }
    neo4j.close();
    TempDirectories.deleteRecursively(workingDirectory);
  }
}
