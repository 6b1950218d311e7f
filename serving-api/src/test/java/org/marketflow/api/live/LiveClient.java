package org.marketflow.api.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.marketflow.api.access.ApiKeyAuthenticationMechanism;
import org.marketflow.api.testing.PostgresTestResource;

/** A test client of the live feed on the JDK's WebSocket client: every text message is kept. */
final class LiveClient implements WebSocket.Listener, AutoCloseable {

  static final Duration TIMEOUT = Duration.ofSeconds(20);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A close frame from the server. */
  record Closed(int code, String reason) {}

  private final LinkedBlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
  private final CompletableFuture<Closed> closed = new CompletableFuture<>();
  private final AtomicInteger pings = new AtomicInteger();
  private final StringBuilder partial = new StringBuilder();
  private final WebSocket socket;

  private LiveClient(URI uri) throws Exception {
    this.socket =
        HttpClient.newHttpClient()
            .newWebSocketBuilder()
            .header(ApiKeyAuthenticationMechanism.HEADER, PostgresTestResource.keys().read())
            .buildAsync(uri, this)
            .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
  }

  static LiveClient connect(URI uri) throws Exception {
    return new LiveClient(uri);
  }

  void send(String text) throws Exception {
    socket.sendText(text, true).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
  }

  void sendBinary(byte[] bytes) throws Exception {
    socket.sendBinary(ByteBuffer.wrap(bytes), true).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** The next message, failing the test when none arrives in time. */
  JsonNode next() throws InterruptedException {
    JsonNode message = messages.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    assertThat(message).as("a message within %s", TIMEOUT).isNotNull();
    return message;
  }

  /** Sends a message and returns the server's answer (the next message of the connection). */
  JsonNode ask(String text) throws Exception {
    send(text);
    return next();
  }

  /** The next {@code n} messages. */
  List<JsonNode> next(int n) throws InterruptedException {
    List<JsonNode> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(next());
    }
    return out;
  }

  /** Messages received and not taken yet. */
  int pending() {
    return messages.size();
  }

  Closed awaitClose() throws Exception {
    return closed.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
  }

  boolean isClosed() {
    return closed.isDone();
  }

  int pings() {
    return pings.get();
  }

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    partial.append(data);
    if (last) {
      try {
        messages.add(JSON.readTree(partial.toString()));
      } catch (Exception e) {
        closed.completeExceptionally(e);
      }
      partial.setLength(0);
    }
    webSocket.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onPing(WebSocket webSocket, ByteBuffer message) {
    pings.incrementAndGet();
    // The JDK client answers the ping with a pong itself.
    webSocket.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
    closed.complete(new Closed(statusCode, reason));
    return null;
  }

  @Override
  public void onError(WebSocket webSocket, Throwable error) {
    closed.completeExceptionally(error);
  }

  @Override
  public void close() {
    if (!socket.isOutputClosed()) {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
    }
    socket.abort();
  }
}
