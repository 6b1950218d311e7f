package org.marketflow.ingest.live;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;
import org.marketflow.ingest.binance.BinanceMessage;
import org.marketflow.ingest.binance.BinanceParser;
import org.marketflow.ingest.book.OrderBook;
import org.marketflow.ingest.recording.HftBacktestRecording;
import org.marketflow.ingest.recording.RecordingLine;
import org.marketflow.schemas.avro.BookLevel;

/**
 * A local Binance for tests: a WebSocket server that sends a recording's stream messages in order
 * to whoever is connected, and a REST server that answers the depth snapshot of its book at the
 * last update id it has sent. Its event and trade times are moved to now. Faults are injected by
 * message index: the connection closed, a message dropped (the first depth diff from that index),
 * duplicated or swapped with the next, and a silence.
 */
final class FakeBinanceVenue implements AutoCloseable {

  /** Where the stream misbehaves, by the index of the message in the recording's stream. */
  record Faults(
      Set<Integer> disconnectAt,
      Set<Integer> drop,
      Set<Integer> duplicate,
      Set<Integer> swap,
      int silentAt,
      long silenceMs) {
    static Faults none() {
      return new Faults(Set.of(), Set.of(), Set.of(), Set.of(), -1, 0);
    }
  }

  private static final Pattern EXCHANGE_TIME = Pattern.compile("\"([ET])\":(\\d{13})");

  private final List<String> messages = new ArrayList<>();
  private final List<BinanceMessage.DepthDiff> diffs = new ArrayList<>();
  private final OrderBook book = new OrderBook();
  private final Faults faults;
  private final Set<Integer> dropped = new HashSet<>();
  private long timeShiftMs = Long.MIN_VALUE;
  private final Server server;
  private final HttpServer rest;
  private final Thread sender;
  private volatile WebSocket client;
  private long lastUpdateId;

  /** Messages sent on a new connection before the sender waits for its snapshot request. */
  private static final int MESSAGES_BEFORE_SNAPSHOT = 20;

  private long restRequests;
  private volatile long restRequestsBeforeConnect;

  /** Serves the first {@code count} stream messages of an hftbacktest recording. */
  FakeBinanceVenue(Path recording, int count, Faults faults) throws IOException {
    this.faults = faults;
    BinanceParser parser = new BinanceParser("BINANCE");
    try (HftBacktestRecording file = HftBacktestRecording.open(recording)) {
      file.forEach(
          new HftBacktestRecording.LineHandler() {
            @Override
            public void line(RecordingLine line) {
              BinanceMessage message = parser.parse(line.message(), 0L);
              if (message instanceof BinanceMessage.DepthSnapshot snapshot) {
                book.reset(snapshot.bids(), snapshot.asks());
                lastUpdateId = snapshot.lastUpdateId();
              } else if (messages.size() < count) {
                messages.add(shiftTimes(line.text()));
                diffs.add(message instanceof BinanceMessage.DepthDiff d ? d : null);
              }
            }

            @Override
            public void malformed(HftBacktestRecording.MalformedLine line) {}

            @Override
            public void truncated(HftBacktestRecording.MalformedLine partial) {}
          });
    }
    for (int index : faults.drop()) {
      int diff = index;
      while (diff < diffs.size() && diffs.get(diff) == null) {
        diff++;
      }
      dropped.add(diff);
    }
    server = new Server();
    server.setReuseAddr(true);
    server.start();
    rest = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    rest.createContext(
        "/api/v3/depth",
        exchange -> {
          byte[] body = snapshot().getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    rest.start();
    sender = new Thread(this::send, "fake-binance-sender");
    sender.setDaemon(true);
    try {
      server.started.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    sender.start();
  }

  /**
   * Moves the recording's event and trade times ({@code E}, {@code T}) to now, as a venue serving
   * it live would send them (the feed refuses trades a day away from their receive time).
   */
  private String shiftTimes(String message) {
    Matcher time = EXCHANGE_TIME.matcher(message);
    StringBuilder shifted = new StringBuilder(message.length());
    while (time.find()) {
      long recordedMs = Long.parseLong(time.group(2));
      if (timeShiftMs == Long.MIN_VALUE) {
        timeShiftMs = System.currentTimeMillis() - recordedMs;
      }
      time.appendReplacement(shifted, "\"" + time.group(1) + "\":" + (recordedMs + timeShiftMs));
    }
    return time.appendTail(shifted).toString();
  }

  URI webSocket() {
    return URI.create("ws://127.0.0.1:" + server.getPort());
  }

  URI rest() {
    return URI.create("http://127.0.0.1:" + rest.getAddress().getPort());
  }

  /** Sends each message once a client is connected; faults as configured. */
  private void send() {
    try {
      WebSocket connection = null;
      int sentOnConnection = 0;
      long restBefore = 0;
      for (int i = 0; i < messages.size(); i++) {
        WebSocket socket = awaitClient();
        if (socket != connection) {
          connection = socket;
          sentOnConnection = 0;
          restBefore = restRequestsBeforeConnect;
        }
        if (sentOnConnection++ == MESSAGES_BEFORE_SNAPSHOT) {
          awaitRestRequest(restBefore);
        }
        if (i == faults.silentAt()) {
          Thread.sleep(faults.silenceMs()); // the fault itself: a venue that stops sending
        }
        if (faults.disconnectAt().contains(i)) {
          socket.close(1001, "going away");
          client = null;
          socket = awaitClient();
        }
        int index = faults.swap().contains(i) && i + 1 < messages.size() ? i + 1 : i;
        deliver(socket, index);
        if (index != i) {
          deliver(socket, i);
          i++;
        }
        if (faults.duplicate().contains(i)) {
          socket.send(messages.get(i));
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void deliver(WebSocket socket, int index) {
    BinanceMessage.DepthDiff diff = diffs.get(index);
    if (diff != null) {
      synchronized (book) {
        book.apply(diff.bids(), diff.asks());
        lastUpdateId = diff.lastUpdateId();
      }
    }
    if (!dropped.contains(index) && socket.isOpen()) {
      socket.send(messages.get(index));
    }
  }

  /**
   * Waits (up to a second) for a snapshot request after {@code before} of them: a client fetches
   * its snapshot soon after connecting, and a fake sending faster than any venue would otherwise
   * race it, making the faults land before or after the snapshot by chance.
   */
  private void awaitRestRequest(long before) throws InterruptedException {
    long deadline = System.nanoTime() + 1_000_000_000L;
    synchronized (this) {
      while (restRequests <= before && System.nanoTime() < deadline) {
        wait(10);
      }
    }
  }

  private WebSocket awaitClient() throws InterruptedException {
    WebSocket socket;
    while ((socket = client) == null || !socket.isOpen()) {
      synchronized (this) {
        wait(50);
      }
    }
    return socket;
  }

  /** The update id of the last depth diff it serves: the book is complete once there. */
  long finalUpdateId() {
    for (int i = diffs.size() - 1; i >= 0; i--) {
      if (diffs.get(i) != null) {
        return diffs.get(i).lastUpdateId();
      }
    }
    return lastUpdateId;
  }

  /** The venue's book now, and the update id it is at. */
  OrderBook book() {
    synchronized (book) {
      OrderBook copy = new OrderBook();
      copy.reset(book.bids(Integer.MAX_VALUE), book.asks(Integer.MAX_VALUE));
      return copy;
    }
  }

  long lastUpdateId() {
    synchronized (book) {
      return lastUpdateId;
    }
  }

  synchronized long restRequests() {
    return restRequests;
  }

  private String snapshot() {
    synchronized (book) {
      synchronized (this) {
        restRequests++;
        notifyAll();
      }
      return "{\"lastUpdateId\":"
          + lastUpdateId
          + ",\"bids\":"
          + levels(book.bids(Integer.MAX_VALUE))
          + ",\"asks\":"
          + levels(book.asks(Integer.MAX_VALUE))
          + "}";
    }
  }

  private static String levels(List<BookLevel> levels) {
    StringBuilder json = new StringBuilder("[");
    for (BookLevel level : levels) {
      if (json.length() > 1) {
        json.append(',');
      }
      json.append("[\"")
          .append(BigDecimal.valueOf(level.getPrice()).toPlainString())
          .append("\",\"")
          .append(BigDecimal.valueOf(level.getSize()).toPlainString())
          .append("\"]");
    }
    return json.append(']').toString();
  }

  @Override
  public void close() throws Exception {
    sender.interrupt();
    rest.stop(0);
    server.stop(1000);
  }

  private final class Server extends WebSocketServer {
    final CountDownLatch started = new CountDownLatch(1);

    Server() {
      super(new InetSocketAddress("127.0.0.1", 0));
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
      synchronized (FakeBinanceVenue.this) {
        restRequestsBeforeConnect = restRequests;
        client = conn;
        FakeBinanceVenue.this.notifyAll();
      }
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {}

    @Override
    public void onMessage(WebSocket conn, String message) {}

    @Override
    public void onError(WebSocket conn, Exception ex) {}

    @Override
    public void onStart() {
      started.countDown();
    }
  }
}
