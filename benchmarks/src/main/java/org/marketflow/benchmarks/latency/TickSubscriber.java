package org.marketflow.benchmarks.latency;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPubSub;

/**
 * Subscribes to every instrument's tick channel and measures, for each tick of a book update, the
 * time from that update's receive time to the tick's arrival here: the job's Redis sink publishes
 * it together with the {@code market:tick:} key, so this is when the tick is in Redis. Ticks of
 * updates received before {@code fromUs} (the warm-up) are counted, not measured.
 */
final class TickSubscriber extends JedisPubSub implements Runnable {

  /** Latencies are measured to the µs up to an hour, with 3 significant digits. */
  private static final long MAX_US = 3_600_000_000L;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String redisUrl;
  private final String channelPrefix;
  private final ReceiveTimes receiveTimes;
  private volatile long fromUs = Long.MAX_VALUE;
  private final long sliceUs;
  private final Histogram all = new Histogram(MAX_US, 3);
  private final Histogram[] slices;
  private final CountDownLatch subscribed = new CountDownLatch(1);
  private volatile long ticks;
  private volatile long lastTickNanos = System.nanoTime();
  private long unmatched;

  /**
   * @param sliceUs the length of each slice of the measured window
   * @param slices how many slices the measured window has
   */
  TickSubscriber(
      String redisUrl, String channelPrefix, ReceiveTimes receiveTimes, long sliceUs, int slices) {
    this.redisUrl = redisUrl;
    this.channelPrefix = channelPrefix;
    this.receiveTimes = receiveTimes;
    this.sliceUs = sliceUs;
    this.slices = new Histogram[slices];
    for (int i = 0; i < slices; i++) {
      this.slices[i] = new Histogram(MAX_US, 3);
    }
  }

  @Override
  public void run() {
    try (Jedis jedis = new Jedis(java.net.URI.create(redisUrl))) {
      jedis.psubscribe(this, channelPrefix + "*");
    }
  }

  @Override
  public void onPSubscribe(String pattern, int subscribedChannels) {
    subscribed.countDown();
  }

  @Override
  public void onPMessage(String pattern, String channel, String message) {
    long arrivedUs = WallClock.nowUs();
    lastTickNanos = System.nanoTime();
    ticks++;
    JsonNode tick;
    try {
      tick = JSON.readTree(message);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("a tick that is not JSON: " + message, e);
    }
    JsonNode sequence = tick.get("sequence");
    if (!"BOOK".equals(tick.get("source").asText()) || sequence.isNull()) {
      return;
    }
    String instrument = channel.substring(channelPrefix.length());
    long receiveUs = receiveTimes.get(instrument, sequence.asLong());
    if (receiveUs == Long.MIN_VALUE) {
      unmatched++;
      return;
    }
    if (receiveUs < fromUs) {
      return;
    }
    long latencyUs = Math.max(0, arrivedUs - receiveUs);
    all.recordValue(Math.min(latencyUs, MAX_US));
    int slice = (int) ((receiveUs - fromUs) / sliceUs);
    if (slice < slices.length) {
      slices[slice].recordValue(Math.min(latencyUs, MAX_US));
    }
  }

  /** Measures the ticks of updates received from {@code receiveUs} on, epoch µs. */
  void measureFrom(long receiveUs) {
    fromUs = receiveUs;
  }

  /** Every tick received so far. */
  long ticks() {
    return ticks;
  }

  void awaitSubscribed() throws InterruptedException {
    if (!subscribed.await(10, TimeUnit.SECONDS)) {
      throw new IllegalStateException("no subscription to " + channelPrefix + "* within 10 s");
    }
  }

  /** Waits until no tick has come for {@code quietMs}, or {@code maxMs} have passed. */
  void awaitQuiet(long quietMs, long maxMs) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(maxMs);
    while (System.nanoTime() < deadline
        && System.nanoTime() - lastTickNanos < TimeUnit.MILLISECONDS.toNanos(quietMs)) {
      Thread.sleep(50);
    }
  }

  /** After {@link #punsubscribe()}: everything measured. */
  Latencies latencies() {
    return new Latencies(
        all.copy(),
        java.util.Arrays.stream(slices).map(Histogram::copy).toList(),
        ticks,
        unmatched);
  }
}
