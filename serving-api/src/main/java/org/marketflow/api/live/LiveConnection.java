package org.marketflow.api.live;

import io.vertx.core.Context;
import io.vertx.core.http.ServerWebSocket;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongConsumer;

/**
 * One client's socket, its subscriptions and its bounded outbound queue.
 *
 * <p>Any thread may {@link #offer} a message; only the connection's event loop writes to the
 * socket, draining the queue while Vert.x's write buffer has room and resuming from its drain
 * handler. A client that reads too slowly therefore fills first the socket buffers, then its own
 * queue, and {@link #offer} refuses: the caller drops it, nobody waits.
 */
final class LiveConnection {

  private final ServerWebSocket socket;
  private final Context context;
  private final ArrayBlockingQueue<String> queue;
  private final AtomicBoolean drainScheduled = new AtomicBoolean();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();
  private final LongConsumer delivered;
  private volatile long lastHeardNanos;

  /**
   * @param context the event loop the socket belongs to
   * @param delivered told how many messages were written, after each drain
   */
  LiveConnection(
      ServerWebSocket socket, Context context, int queueCapacity, LongConsumer delivered) {
    this.socket = socket;
    this.context = context;
    this.queue = new ArrayBlockingQueue<>(queueCapacity);
    this.delivered = delivered;
    this.lastHeardNanos = System.nanoTime();
    socket.drainHandler(ignored -> drain());
  }

  /**
   * Queues a message for the client.
   *
   * @return false when the queue is full: the client is too slow and must be dropped
   */
  boolean offer(String message) {
    if (closed.get()) {
      return true;
    }
    if (!queue.offer(message)) {
      return false;
    }
    if (drainScheduled.compareAndSet(false, true)) {
      context.runOnContext(ignored -> drain());
    }
    return true;
  }

  /** Writes queued messages while the socket's write buffer has room; on the event loop. */
  private void drain() {
    drainScheduled.set(false);
    long written = 0;
    while (!closed.get() && !socket.writeQueueFull()) {
      String message = queue.poll();
      if (message == null) {
        break;
      }
      socket.writeTextMessage(message);
      written++;
    }
    if (written > 0) {
      delivered.accept(written);
    }
  }

  /**
   * Closes the socket with a code and reason, once; queued messages are discarded.
   *
   * @return false when it was closed already
   */
  boolean close(short code, String reason) {
    if (!closed.compareAndSet(false, true)) {
      return false;
    }
    queue.clear();
    if (!socket.isClosed()) {
      socket.close(code, reason);
    }
    return true;
  }

  /** Marks the connection closed by the client; nothing more is queued. */
  void closedByPeer() {
    closed.set(true);
    queue.clear();
  }

  boolean isClosed() {
    return closed.get();
  }

  ServerWebSocket socket() {
    return socket;
  }

  /** The client sent something (a message or a pong): it is alive. */
  void heard() {
    lastHeardNanos = System.nanoTime();
  }

  long lastHeardNanos() {
    return lastHeardNanos;
  }

  List<Subscription> subscriptions() {
    return subscriptions;
  }

  /** Whether one of this connection's subscriptions wants an update of this channel. */
  boolean wants(Channel channel, String instrument) {
    for (Subscription subscription : subscriptions) {
      if (subscription.matches(channel, instrument)) {
        return true;
      }
    }
    return false;
  }

  /** Whether a subscription of this connection is found under this channel and routing key. */
  boolean holdsRoutingKey(Channel channel, String routingKey) {
    for (Subscription subscription : subscriptions) {
      if (subscription.channel() == channel && subscription.routingKey().equals(routingKey)) {
        return true;
      }
    }
    return false;
  }
}
