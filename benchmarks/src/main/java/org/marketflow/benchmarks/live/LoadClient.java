package org.marketflow.benchmarks.live;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * One WebSocket client of the load run: subscribes to the trades of every instrument, and for each
 * trade whose receive time falls in the measured window counts it and records its latency (now
 * minus receive time, microseconds).
 */
final class LoadClient implements WebSocket.Listener {

  private static final String RECEIVE_TIME = "\"receiveTime\":\"";

  private final long windowStartMicros;
  private final long windowEndMicros;
  private final Histogram latency;
  private final AtomicLong measured = new AtomicLong();
  private final CountDownLatch subscribed;
  private final StringBuilder partial = new StringBuilder();
  private volatile boolean closed;
  private WebSocket socket;

  private LoadClient(
      long windowStartMicros, long windowEndMicros, Histogram latency, int subscriptions) {
    this.windowStartMicros = windowStartMicros;
    this.windowEndMicros = windowEndMicros;
    this.latency = latency;
    this.subscribed = new CountDownLatch(subscriptions);
  }

  static LoadClient connect(
      HttpClient http,
      URI uri,
      String apiKey,
      List<String> instruments,
      long windowStartMicros,
      long windowEndMicros,
      Histogram latency)
      throws Exception {
    LoadClient client =
        new LoadClient(windowStartMicros, windowEndMicros, latency, instruments.size());
    client.socket =
        http.newWebSocketBuilder()
            .header("X-API-Key", apiKey)
            .buildAsync(uri, client)
            .get(30, TimeUnit.SECONDS);
    for (String instrument : instruments) {
      client
          .socket
          .sendText(
              "{\"action\":\"subscribe\",\"channels\":[\"trades\"],\"instrument\":\""
                  + instrument
                  + "\"}",
              true)
          .get(30, TimeUnit.SECONDS);
    }
    if (!client.subscribed.await(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException("subscriptions not acknowledged within 30 s");
    }
    return client;
  }

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    long now = LiveFeedLoad.nowMicros();
    partial.append(data);
    if (last) {
      onMessage(partial, now);
      partial.setLength(0);
    }
    webSocket.request(1);
    return null;
  }

  private void onMessage(CharSequence message, long nowMicros) {
    String text = message.toString();
    int at = text.indexOf(RECEIVE_TIME);
    if (at < 0) {
      if (text.startsWith("{\"type\":\"subscribed\"")) {
        subscribed.countDown();
      }
      return;
    }
    int start = at + RECEIVE_TIME.length();
    Instant receive = Instant.parse(text.substring(start, text.indexOf('"', start)));
    long receiveMicros = receive.getEpochSecond() * 1_000_000L + receive.getNano() / 1_000;
    if (receiveMicros >= windowStartMicros && receiveMicros < windowEndMicros) {
      measured.incrementAndGet();
      latency.recordValue(Math.max(0, nowMicros - receiveMicros));
    }
  }

  @Override
  public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
    closed = true;
    return null;
  }

  @Override
  public void onError(WebSocket webSocket, Throwable error) {
    closed = true;
  }

  long measured() {
    return measured.get();
  }

  boolean isClosed() {
    return closed;
  }

  void close() {
    if (socket != null) {
      socket.abort();
    }
  }
}
