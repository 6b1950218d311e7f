package org.marketflow.jobs.common.state;

import org.apache.flink.streaming.api.TimerService;

/**
 * Clears a key's state when its events stop: one event-time timer at most per key, at the last
 * event's time plus the timeout, moved on when events came meanwhile. Held inside the key's own
 * state POJO (a Flink POJO itself), so that a keyed function whose keys come and go (instruments,
 * outcomes) holds nothing for a key that has gone quiet.
 *
 * <pre>{@code
 * state.idle.touch(eventMs, ctx.timerService(), timeoutMs);          // processElement
 * if (state.idle.expired(timestamp, ctx.timerService(), timeoutMs)) { // onTimer
 *   clear every state of the key;
 * }
 * }</pre>
 */
public class IdleClock {

  private static final long NONE = Long.MIN_VALUE;

  /** The latest event time of the key's events, ms. */
  public long lastEventMs = NONE;

  /** The pending clean-up timer, ms; {@link Long#MIN_VALUE} when none. */
  public long timerMs = NONE;

  /** For Flink's POJO serializer. */
  public IdleClock() {}

  /** The key had an event at {@code eventMs}: a clean-up timer is pending from now on. */
  public void touch(long eventMs, TimerService timers, long timeoutMs) {
    lastEventMs = Math.max(lastEventMs, eventMs);
    if (timerMs == NONE) {
      timerMs = lastEventMs + timeoutMs;
      timers.registerEventTimeTimer(timerMs);
    }
  }

  /**
   * Whether the timer firing at {@code timestamp} is the clean-up timer and the key has had no
   * event for {@code timeoutMs}; when events came meanwhile, the timer moves to the last one plus
   * the timeout.
   */
  public boolean expired(long timestamp, TimerService timers, long timeoutMs) {
    if (timestamp != timerMs) {
      return false;
    }
    if (lastEventMs + timeoutMs <= timestamp) {
      return true;
    }
    timerMs = lastEventMs + timeoutMs;
    timers.registerEventTimeTimer(timerMs);
    return false;
  }
}
