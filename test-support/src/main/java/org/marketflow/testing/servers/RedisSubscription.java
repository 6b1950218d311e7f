package org.marketflow.testing.servers;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPubSub;

/**
 * A subscriber to one Redis channel on its own connection and thread, subscribed when {@link #open}
 * returns; {@link #next} waits for the messages published since.
 *
 * <pre>{@code
 * try (RedisSubscription ticks = RedisSubscription.open(redis.uri(), channel, TIMEOUT)) {
 *   ... publish ...
 *   assertThat(ticks.next(3, TIMEOUT)).containsExactly("1", "2", "3");
 * }
 * }</pre>
 */
public final class RedisSubscription implements AutoCloseable {

  private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
  private final CountDownLatch subscribed = new CountDownLatch(1);
  private final JedisPubSub subscriber =
      new JedisPubSub() {
        @Override
        public void onSubscribe(String channel, int count) {
          subscribed.countDown();
        }

        @Override
        public void onMessage(String channel, String message) {
          received.add(message);
        }
      };
  private final Thread listener;

  private RedisSubscription(String uri, String channel) {
    listener =
        new Thread(
            () -> {
              try (Jedis jedis = new Jedis(uri)) {
                jedis.subscribe(subscriber, channel);
              }
            },
            "redis-subscription-" + channel);
    listener.setDaemon(true);
    listener.start();
  }

  /**
   * @throws IllegalStateException when the subscription is not confirmed within {@code timeout}
   */
  public static RedisSubscription open(String uri, String channel, Duration timeout)
      throws InterruptedException {
    RedisSubscription subscription = new RedisSubscription(uri, channel);
    if (!subscription.subscribed.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      subscription.close();
      throw new IllegalStateException("not subscribed to " + channel + " within " + timeout);
    }
    return subscription;
  }

  /** The next {@code count} messages, fewer when they do not come within {@code timeout} each. */
  public List<String> next(int count, Duration timeout) throws InterruptedException {
    List<String> messages = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String message = received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (message == null) {
        break;
      }
      messages.add(message);
    }
    return messages;
  }

  @Override
  public void close() throws InterruptedException {
    if (subscriber.isSubscribed()) {
      subscriber.unsubscribe();
    }
    listener.join(10_000);
  }
}
