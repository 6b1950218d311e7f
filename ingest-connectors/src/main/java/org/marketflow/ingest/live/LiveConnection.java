package org.marketflow.ingest.live;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.marketflow.ingest.feed.RawMessage;
import org.marketflow.ingest.feed.ResyncRequests;
import org.marketflow.ingest.feed.VenueFeed;
import org.marketflow.schemas.kafka.RecordOrigin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A live connection to one venue: connects to its public WebSocket (the JDK's client, which answers
 * the venue's pings), subscribes, fetches REST book snapshots where the venue needs them, and hands
 * every message to its {@link VenueFeed} on one thread, in order. When the connection closes, fails
 * or goes silent for {@link LiveOptions#staleAfter()}, the feed hears {@code DISCONNECTED}, and the
 * connection is made again after an exponential backoff with jitter, then resubscribed and
 * resynced. Books that fall out of sync are resynced by a fresh REST snapshot or a new
 * subscription, REST requests kept {@link LiveOptions#restInterval()} apart.
 */
public final class LiveConnection implements ResyncRequests {

  private static final Logger LOG = LoggerFactory.getLogger(LiveConnection.class);

  private final String name;
  private final VenueProtocol protocol;
  private final LiveOptions options;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
  private final Set<String> resyncs = new LinkedHashSet<>();
  private final Backoff backoff;
  private VenueFeed feed;
  private volatile boolean running = true;
  private long messageNumber;
  private long lastRestNs = Long.MIN_VALUE / 2;
  private long lastConnectNs = Long.MIN_VALUE / 2;
  private long connections;
  private long maxMessages = Long.MAX_VALUE;

  private sealed interface Event {}

  private record Message(String text, long receiveNs) implements Event {}

  private record Closed(String reason) implements Event {}

  /**
   * @param name the connection's name in dead letters' origins and logs, e.g. {@code binance-spot}
   */
  public LiveConnection(
      String name, VenueProtocol protocol, LiveOptions options, RandomGenerator random) {
    this.name = name;
    this.protocol = protocol;
    this.options = options;
    this.backoff = new Backoff(options.backoffInitial(), options.backoffMax(), random);
  }

  /** Runs {@code feed} until {@link #stop()} or until {@code deadline} (null: no deadline). */
  public void run(VenueFeed feed, Instant deadline) throws InterruptedException {
    run(feed, deadline, Long.MAX_VALUE);
  }

  /** Runs {@code feed} until {@link #stop()}, {@code deadline} or {@code maxMessages} messages. */
  public void run(VenueFeed feed, Instant deadline, long maxMessages) throws InterruptedException {
    this.maxMessages = maxMessages;
    this.feed = feed;
    for (String symbol : options.symbols()) {
      feed.expect(symbol, nowUs());
    }
    while (running && (deadline == null || Instant.now().isBefore(deadline))) {
      WebSocket socket = connect();
      if (socket == null) {
        pause(deadline);
        continue;
      }
      connections++;
      feed.connected(nowUs());
      for (String message : protocol.subscribeMessages(options.symbols())) {
        socket.sendText(message, true).join();
      }
      for (String symbol : options.symbols()) {
        if (protocol.snapshotUri(options.rest(), symbol).isPresent()) {
          resyncs.add(symbol); // the diffs since connecting wait in the feed for this snapshot
        }
      }
      String reason = pump(socket, deadline);
      socket.abort();
      events.clear();
      feed.disconnected(nowUs(), reason);
      if (running && (deadline == null || Instant.now().isBefore(deadline))) {
        LOG.info("{}: disconnected ({}), reconnecting", name, reason);
        pause(deadline);
      }
    }
  }

  /** Ends {@link #run} soon, from any thread. */
  public void stop() {
    running = false;
  }

  /** Connections made so far. */
  public long connections() {
    return connections;
  }

  @Override
  public void request(String symbol) {
    resyncs.add(symbol); // called on the feed's thread, from inside onMessage
  }

  /** Hands messages to the feed until the connection ends; returns why it ended. */
  private String pump(WebSocket socket, Instant deadline) throws InterruptedException {
    long silenceNs = options.staleAfter().toNanos();
    long lastMessageNs = System.nanoTime();
    long tickNs = Math.max(1_000_000L, Math.min(silenceNs / 4, 250_000_000L));
    while (running && (deadline == null || Instant.now().isBefore(deadline))) {
      resync(socket);
      Event event = events.poll(tickNs, TimeUnit.NANOSECONDS);
      if (event == null) {
        // Only when caught up: behind a backlog, the last message's receive time is old though
        // the instrument is not silent.
        feed.checkStale(nowUs(), options.staleAfter().toNanos() / 1_000L);
      }
      if (event instanceof Message message) {
        lastMessageNs = System.nanoTime();
        backoff.reset();
        messageNumber++;
        feed.onMessage(
            new RawMessage(
                message.text().getBytes(StandardCharsets.UTF_8),
                message.receiveNs(),
                new RecordOrigin("ws:" + name, null, messageNumber)));
        if (messageNumber >= maxMessages) {
          running = false;
        }
      } else if (event instanceof Closed closed) {
        return closed.reason();
      } else if (System.nanoTime() - lastMessageNs >= silenceNs) {
        return "no message for " + options.staleAfter().toMillis() + " ms";
      }
    }
    return "stopped";
  }

  /** Fetches the snapshots (or sends the subscriptions) that books waiting for a resync need. */
  private void resync(WebSocket socket) throws InterruptedException {
    if (resyncs.isEmpty()) {
      return;
    }
    ArrayDeque<String> pending = new ArrayDeque<>(resyncs);
    resyncs.clear();
    for (String symbol : pending) {
      var uri = protocol.snapshotUri(options.rest(), symbol);
      if (uri.isPresent()) {
        fetchSnapshot(symbol, uri.get());
      } else {
        for (String message : protocol.resubscribeMessages(symbol)) {
          socket.sendText(message, true).join();
        }
      }
    }
  }

  private void fetchSnapshot(String symbol, URI uri) throws InterruptedException {
    long waitNs = lastRestNs + options.restInterval().toNanos() - System.nanoTime();
    if (waitNs > 0) {
      TimeUnit.NANOSECONDS.sleep(waitNs);
    }
    lastRestNs = System.nanoTime();
    try {
      HttpResponse<byte[]> response =
          http.send(
              HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build(),
              HttpResponse.BodyHandlers.ofByteArray());
      RawMessage body =
          new RawMessage(response.body(), epochNs(), new RecordOrigin("rest:" + uri, null, 0L));
      if (response.statusCode() == 200) {
        feed.onRestSnapshot(symbol, body);
      } else {
        LOG.warn("{}: snapshot of {} answered {}", name, symbol, response.statusCode());
        resyncs.add(symbol);
      }
    } catch (IOException e) {
      LOG.warn("{}: snapshot of {} failed: {}", name, symbol, e.getMessage());
      resyncs.add(symbol);
    }
  }

  private WebSocket connect() throws InterruptedException {
    long waitNs = lastConnectNs + options.connectInterval().toNanos() - System.nanoTime();
    if (waitNs > 0) {
      TimeUnit.NANOSECONDS.sleep(waitNs);
    }
    lastConnectNs = System.nanoTime();
    URI uri = protocol.streamUri(options.webSocket(), options.symbols());
    try {
      return http.newWebSocketBuilder()
          .connectTimeout(Duration.ofSeconds(10))
          .buildAsync(uri, new Listener())
          .get(15, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      throw e;
    } catch (Exception e) {
      LOG.warn("{}: cannot connect to {}: {}", name, uri, e.getMessage());
      return null;
    }
  }

  private void pause(Instant deadline) throws InterruptedException {
    Duration wait = backoff.next();
    if (deadline != null) {
      Duration left = Duration.between(Instant.now(), deadline);
      wait = left.isNegative() ? Duration.ZERO : (wait.compareTo(left) > 0 ? left : wait);
    }
    TimeUnit.NANOSECONDS.sleep(wait.toNanos());
  }

  /** Collects each text message (its fragments joined) with its receive time. */
  private final class Listener implements WebSocket.Listener {
    private final StringBuilder fragments = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
      fragments.append(data);
      if (last) {
        events.add(new Message(fragments.toString(), epochNs()));
        fragments.setLength(0);
      }
      socket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
      events.add(new Closed("closed by the venue (" + statusCode + " " + reason + ")"));
      return CompletableFuture.completedFuture(null);
    }

    @Override
    public void onError(WebSocket socket, Throwable error) {
      events.add(new Closed("failed: " + error));
    }
  }

  private static long nowUs() {
    return epochNs() / 1_000L;
  }

  private static long epochNs() {
    Instant now = Instant.now();
    return now.getEpochSecond() * 1_000_000_000L + now.getNano();
  }
}
