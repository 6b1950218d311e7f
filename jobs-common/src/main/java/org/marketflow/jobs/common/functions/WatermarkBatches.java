package org.marketflow.jobs.common.functions;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

/**
 * Groups a stream's records by key, in their order, into lists sent downstream before the next
 * watermark: an event-time operator after the shuffle applies nothing before the watermark anyway,
 * so it receives the same records in the same order by the same watermark, in one shuffled record
 * per key instead of one per record. Flink's shuffle and keyed operators spend more on each record
 * (serializer calls, channel selection, setting the key, loading its state) than on its bytes.
 *
 * <p>It runs in the source's chain. A key's list is sent when a watermark or an idle status arrives
 * (before passing it on: a channel going idle no longer holds the downstream watermark back, so its
 * records must be out first), when it reaches {@code maxBatch} records, before a checkpoint barrier
 * (no list is ever in a checkpoint) and at the end of a bounded input. Memory is at most {@code
 * maxBatch} records a key. A list carries the timestamp of its latest record.
 */
public final class WatermarkBatches<T, K> extends SendBeforeWatermark<T, List<T>> {

  private static final long serialVersionUID = 1L;

  private final KeySelector<T, K> key;
  private final int maxBatch;

  private transient Map<K, Batch<T>> batches;
  private transient StreamRecord<List<T>> reuse;

  /**
   * @param maxBatch the most records a list holds; a full list is sent at once
   */
  public WatermarkBatches(KeySelector<T, K> key, int maxBatch) {
    if (maxBatch < 1) {
      throw new IllegalArgumentException("batches of " + maxBatch + " records");
    }
    this.key = key;
    this.maxBatch = maxBatch;
  }

  @Override
  public void open() throws Exception {
    super.open();
    batches = new HashMap<>();
    reuse = new StreamRecord<>(null);
  }

  @Override
  public void processElement(StreamRecord<T> element) throws Exception {
    Batch<T> batch = batches.computeIfAbsent(key.getKey(element.getValue()), k -> new Batch<>());
    batch.add(element);
    if (batch.records.size() >= maxBatch) {
      send(batch);
    }
  }

  /** Sends every key's list and forgets the keys, so that keys no longer seen take no memory. */
  @Override
  protected void sendAll() {
    for (Batch<T> batch : batches.values()) {
      if (!batch.records.isEmpty()) {
        send(batch);
      }
    }
    batches.clear();
  }

  private void send(Batch<T> batch) {
    // The list is handed over, not copied: the downstream serializer or chained operator owns it.
    if (batch.timed) {
      output.collect(reuse.replace(batch.records, batch.timestamp));
    } else {
      reuse.eraseTimestamp();
      output.collect(reuse.replace(batch.records));
    }
    batch.records = new ArrayList<>();
    batch.timed = false;
  }

  /** One key's records since the last send, and the latest of their timestamps. */
  private static final class Batch<T> {
    List<T> records = new ArrayList<>();
    boolean timed;
    long timestamp;

    void add(StreamRecord<T> element) {
      records.add(element.getValue());
      if (element.hasTimestamp()) {
        timestamp = timed ? Math.max(timestamp, element.getTimestamp()) : element.getTimestamp();
        timed = true;
      }
    }
  }
}
