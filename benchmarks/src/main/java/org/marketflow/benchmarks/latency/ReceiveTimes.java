package org.marketflow.benchmarks.latency;

import java.util.concurrent.ConcurrentHashMap;

/**
 * When each published book update was received, by instrument and last sequence: what a tick in
 * Redis is measured against. Written by the publisher thread, read by the subscriber's.
 */
final class ReceiveTimes {

  private final ConcurrentHashMap<String, ConcurrentHashMap<Long, Long>> byInstrument =
      new ConcurrentHashMap<>();

  void put(String instrument, long sequence, long receiveUs) {
    byInstrument
        .computeIfAbsent(instrument, id -> new ConcurrentHashMap<>())
        .put(sequence, receiveUs);
  }

  /** The receive time of the update, epoch µs, or {@link Long#MIN_VALUE} when none was sent. */
  long get(String instrument, long sequence) {
    var times = byInstrument.get(instrument);
    Long receiveUs = times == null ? null : times.remove(sequence);
    return receiveUs == null ? Long.MIN_VALUE : receiveUs;
  }
}
