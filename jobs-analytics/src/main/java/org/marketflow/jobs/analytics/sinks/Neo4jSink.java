package org.marketflow.jobs.analytics.sinks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.util.Preconditions;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Session;

/**
 * Writes records into Neo4j through the official driver: each record's {@link GraphRows} are
 * buffered and sent in batches of {@code batchSize} rows as one {@code UNWIND $rows} statement in
 * one write transaction, and whatever is buffered is sent before every checkpoint and at the end of
 * input ({@link SinkWriter#flush}), so a checkpoint completes only once the graph holds its
 * records. At least once: the statements are idempotent.
 *
 * <p>Hand-written because Flink 2 has no Neo4j connector.
 */
public final class Neo4jSink<T> implements Sink<T> {

  private final String uri;
  private final String user;
  private final String password;
  private final int batchSize;
  private final GraphRows<T> graph;

  private Neo4jSink(String uri, String user, String password, int batchSize, GraphRows<T> graph) {
    this.uri = uri;
    this.user = user;
    this.password = password;
    this.batchSize = batchSize;
    this.graph = graph;
  }

  /**
   * @param uri {@code bolt://host:port} or {@code neo4j://…}
   * @param user null for a server without authentication
   */
  public static <T> Neo4jSink<T> buildAtLeastOnce(
      String uri, String user, String password, int batchSize, GraphRows<T> graph) {
    Preconditions.checkArgument(
        uri != null && (uri.startsWith("bolt") || uri.startsWith("neo4j")),
        "the Neo4j sink needs a bolt:// or neo4j:// URL, not %s",
        uri);
    Preconditions.checkArgument(batchSize >= 1, "batch size must be at least 1, not %s", batchSize);
    Preconditions.checkNotNull(graph, "graph");
    return new Neo4jSink<>(uri, user, password, batchSize, graph);
  }

  @Override
  public SinkWriter<T> createWriter(WriterInitContext context) {
    Driver driver =
        user == null || user.isEmpty()
            ? GraphDatabase.driver(uri, AuthTokens.none())
            : GraphDatabase.driver(uri, AuthTokens.basic(user, password));
    try (Session session = driver.session()) {
      for (String statement : graph.schema()) {
        session.run(statement).consume();
      }
    } catch (RuntimeException e) {
      driver.close();
      throw e;
    }
    return new Writer<>(driver, batchSize, graph);
  }

  private static final class Writer<T> implements SinkWriter<T> {
    private final Driver driver;
    private final int batchSize;
    private final GraphRows<T> graph;
    private final List<Map<String, Object>> buffer = new ArrayList<>();

    Writer(Driver driver, int batchSize, GraphRows<T> graph) {
      this.driver = driver;
      this.batchSize = batchSize;
      this.graph = graph;
    }

    @Override
    public void write(T element, Context context) {
      buffer.addAll(graph.rows(element));
      if (buffer.size() >= batchSize) {
        send();
      }
    }

    @Override
    public void flush(boolean endOfInput) {
      send();
    }

    /** One write transaction for the buffered rows; an error fails the job here. */
    private void send() {
      if (buffer.isEmpty()) {
        return;
      }
      List<Map<String, Object>> rows = List.copyOf(buffer);
      try (Session session = driver.session()) {
        session.executeWriteWithoutResult(tx -> tx.run(graph.cypher(), Map.of("rows", rows)));
      }
      buffer.clear();
    }

    @Override
    public void close() {
      driver.close();
    }
  }
}
