package org.marketflow.api.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;
import org.marketflow.api.common.MarketSelection;
import org.marketflow.api.common.MarketflowConfig;
import org.marketflow.api.error.ErrorCode;
import org.marketflow.api.live.ClientMessage.Action;
import org.marketflow.api.live.ClientMessage.InvalidFieldException;
import org.marketflow.api.live.ClientMessage.MalformedMessageException;
import org.marketflow.api.live.ServerMessages.Acknowledgement;
import org.marketflow.api.live.ServerMessages.ErrorMessage;

/**
 * The open connections of this service instance: answers their messages, keeps the subscription
 * index, fans each update out to the matching connections, pings them and closes the silent ones,
 * and counts it all in the meter registry.
 */
@ApplicationScoped
public class LiveHub {

  private static final Logger LOG = Logger.getLogger(LiveHub.class);

  /**
   * Vert.x's write buffer per socket: small, so that a slow client's backlog sits in its bounded
   * queue, where it is counted, rather than in Netty's unbounded one.
   */
  private static final int SOCKET_WRITE_BUFFER_BYTES = 64 * 1024;

  private static final Buffer PING = Buffer.buffer("ping".getBytes(StandardCharsets.US_ASCII));

  private final ObjectMapper json;
  private final MarketflowConfig.Live config;
  private final Vertx vertx;
  private final Set<LiveConnection> connections = ConcurrentHashMap.newKeySet();
  private final SubscriptionIndex index = new SubscriptionIndex();
  private final Counter delivered;
  private final Counter droppedSlow;
  private final Counter droppedSilent;
  private final Counter closedForAbuse;
  private final long pongTimeoutNanos;
  private long heartbeatTimer = -1;

  public LiveHub(ObjectMapper json, MarketflowConfig config, Vertx vertx, MeterRegistry registry) {
    this.json = json;
    this.config = config.live();
    this.vertx = vertx;
    Duration ping = this.config.pingInterval();
    Duration pong = this.config.pongTimeout();
    if (pong.compareTo(ping) <= 0) {
      throw new IllegalArgumentException(
          "marketflow.live.pong-timeout ("
              + pong
              + ") must be longer than marketflow.live.ping-interval ("
              + ping
              + ")");
    }
    this.pongTimeoutNanos = pong.toNanos();
    Gauge.builder("marketflow.live.connections", connections, Set::size)
        .description("Open WebSocket connections of the live feed")
        .register(registry);
    delivered =
        Counter.builder("marketflow.live.messages.delivered")
            .description("Messages written to live-feed clients: updates, answers and errors")
            .register(registry);
    droppedSlow = dropped(registry, "slow");
    droppedSilent = dropped(registry, "heartbeat");
    closedForAbuse = dropped(registry, "abuse");
  }

  private static Counter dropped(MeterRegistry registry, String reason) {
    return Counter.builder("marketflow.live.clients.dropped")
        .description("Live-feed clients closed by the server, by reason")
        .tag("reason", reason)
        .register(registry);
  }

  /** Starts the heartbeat with the service. */
  void start(@Observes io.quarkus.runtime.StartupEvent event) {
    heartbeatTimer = vertx.setPeriodic(config.pingInterval().toMillis(), ignored -> heartbeat());
  }

  /** Says goodbye to every client before the HTTP server goes. */
  void stop(@Observes ShutdownEvent event) {
    stopHeartbeat();
    for (LiveConnection connection : List.copyOf(connections)) {
      connection.close(CloseCodes.GOING_AWAY, "server shutting down");
    }
  }

  @PreDestroy
  void stopHeartbeat() {
    if (heartbeatTimer >= 0) {
      vertx.cancelTimer(heartbeatTimer);
      heartbeatTimer = -1;
    }
  }

  /** Takes an upgraded socket; called on its event loop. */
  void open(ServerWebSocket socket) {
    socket.setWriteQueueMaxSize(SOCKET_WRITE_BUFFER_BYTES);
    LiveConnection connection =
        new LiveConnection(
            socket, vertx.getOrCreateContext(), config.queueCapacity(), delivered::increment);
    connections.add(connection);
    socket.textMessageHandler(text -> onText(connection, text));
    socket.binaryMessageHandler(
        ignored -> {
          connection.heard();
          sendError(
              connection,
              ErrorMessage.of(
                  null,
                  ErrorCode.BAD_REQUEST,
                  "binary messages are not supported; send JSON text messages",
                  null));
        });
    socket.pongHandler(ignored -> connection.heard());
    socket.closeHandler(ignored -> forget(connection));
    socket.exceptionHandler(
        failure -> LOG.debugf("live-feed connection failed: %s", failure.getMessage()));
  }

  private void onText(LiveConnection connection, String text) {
    connection.heard();
    if (text.length() > config.maxMessageBytes()
        || text.getBytes(StandardCharsets.UTF_8).length > config.maxMessageBytes()) {
      closeForAbuse(
          connection,
          CloseCodes.MESSAGE_TOO_BIG,
          "message larger than " + config.maxMessageBytes() + " bytes");
      return;
    }
    ClientMessage message;
    try {
      message = ClientMessage.parse(json, text);
    } catch (MalformedMessageException e) {
      sendError(connection, ErrorMessage.of(null, ErrorCode.BAD_REQUEST, e.getMessage(), null));
      return;
    } catch (InvalidFieldException e) {
      sendError(
          connection,
          ErrorMessage.of(
              e.id(),
              ErrorCode.INVALID_PARAMETER,
              e.problem().getMessage().replace("parameter", "field"),
              e.problem().problem()));
      return;
    }
    if (message.action() == Action.SUBSCRIBE) {
      subscribe(connection, message);
    } else {
      unsubscribe(connection, message);
    }
  }

  private void subscribe(LiveConnection connection, ClientMessage message) {
    if (connection.isClosed()) {
      return; // dropped meanwhile by the consumer: its subscriptions are gone for good
    }
    List<Subscription> added = new ArrayList<>();
    for (Channel channel : message.channels()) {
      Subscription subscription = new Subscription(channel, message.market());
      if (!connection.subscriptions().contains(subscription)) {
        added.add(subscription);
      }
    }
    int total = connection.subscriptions().size() + added.size();
    if (total > config.maxSubscriptions()) {
      closeForAbuse(
          connection,
          CloseCodes.POLICY_VIOLATION,
          "more than " + config.maxSubscriptions() + " subscriptions");
      return;
    }
    for (Subscription subscription : added) {
      connection.subscriptions().add(subscription);
      index.add(subscription, connection);
    }
    acknowledge(connection, "subscribed", message);
  }

  private void unsubscribe(LiveConnection connection, ClientMessage message) {
    for (Channel channel : message.channels()) {
      Subscription subscription = new Subscription(channel, message.market());
      if (connection.subscriptions().remove(subscription)) {
        index.remove(subscription, connection);
      }
    }
    acknowledge(connection, "unsubscribed", message);
  }

  private void acknowledge(LiveConnection connection, String type, ClientMessage message) {
    MarketSelection market = message.market();
    Acknowledgement ack =
        new Acknowledgement(
            type,
            message.id(),
            message.channels().stream().map(Channel::wireName).toList(),
            market.instrument(),
            market.eventId(),
            market.outcomeId(),
            market.option(),
            connection.subscriptions().size());
    send(connection, ack);
  }

  private void sendError(LiveConnection connection, ErrorMessage error) {
    send(connection, error);
  }

  private void send(LiveConnection connection, Object message) {
    String text;
    try {
      text = json.writeValueAsString(message);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialize " + message, e);
    }
    enqueue(connection, text);
  }

  /** Whether a record of this channel and instrument has a subscriber: decode it only then. */
  boolean isWanted(Channel channel, String instrument) {
    return index.hasCandidates(channel, instrument);
  }

  /**
   * Queues an update for every connection subscribed to it; never blocks. A connection whose queue
   * is full is dropped.
   *
   * @return the number of connections it was queued for
   */
  int publish(Channel channel, String instrument, String message) {
    int queued = 0;
    for (LiveConnection connection : index.subscribers(channel, instrument)) {
      if (enqueue(connection, message)) {
        queued++;
      }
    }
    return queued;
  }

  private boolean enqueue(LiveConnection connection, String message) {
    if (connection.offer(message)) {
      return true;
    }
    if (connection.close(
        CloseCodes.SLOW_CONSUMER,
        "slow consumer: more than " + config.queueCapacity() + " messages queued")) {
      droppedSlow.increment();
      forget(connection);
    }
    return false;
  }

  private void closeForAbuse(LiveConnection connection, short code, String reason) {
    if (connection.close(code, reason)) {
      closedForAbuse.increment();
      forget(connection);
    }
  }

  /** Pings every connection and closes those that said nothing for the pong timeout. */
  private void heartbeat() {
    long now = System.nanoTime();
    for (LiveConnection connection : connections) {
      if (now - connection.lastHeardNanos() > pongTimeoutNanos) {
        if (connection.close(
            CloseCodes.HEARTBEAT_TIMEOUT,
            "no pong or message for " + config.pongTimeout().toMillis() + " ms")) {
          droppedSilent.increment();
          forget(connection);
        }
      } else if (!connection.isClosed()) {
        connection.socket().writePing(PING);
      }
    }
  }

  private void forget(LiveConnection connection) {
    if (!connections.remove(connection)) {
      return;
    }
    connection.closedByPeer();
    for (Subscription subscription : List.copyOf(connection.subscriptions())) {
      connection.subscriptions().remove(subscription);
      index.remove(subscription, connection);
    }
  }
}
