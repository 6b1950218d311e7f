package org.marketflow.api.live;

import org.marketflow.api.common.MarketSelection;
import org.marketflow.schemas.instrument.InstrumentId;

/**
 * One channel of one market. A record reaches the subscription when its instrument is the
 * subscribed one, or is a {@code PARIFLOW:<eventId>:<outcomeId>:<option>} of the subscribed event
 * whose outcome and option match where the subscription names them.
 */
public record Subscription(Channel channel, MarketSelection market) {

  private static final String PARIFLOW_PREFIX = InstrumentId.PARIFLOW + ":";

  /**
   * The key this subscription is found under in {@link SubscriptionIndex}: the instrument, or
   * {@code PARIFLOW:<eventId>} for an event.
   */
  public String routingKey() {
    return market.instrument() != null ? market.instrument() : eventKey(market.eventId());
  }

  /** The event key of a record's instrument, or {@code null} when it is no PARIFLOW instrument. */
  static String eventKeyOf(String instrument) {
    if (!instrument.startsWith(PARIFLOW_PREFIX)) {
      return null;
    }
    int end = instrument.indexOf(':', PARIFLOW_PREFIX.length());
    return end < 0 ? null : instrument.substring(0, end);
  }

  static String eventKey(String eventId) {
    return PARIFLOW_PREFIX + eventId;
  }

  /** Whether an update of this channel for {@code instrument} belongs to this subscription. */
  public boolean matches(Channel updateChannel, String instrument) {
    if (updateChannel != channel) {
      return false;
    }
    if (market.instrument() != null) {
      return market.instrument().equals(instrument);
    }
    // PARIFLOW:<eventId>:<outcomeId>:<option>; engine ids hold no ':'.
    String[] parts = instrument.split(":", -1);
    return parts.length == 4
        && InstrumentId.PARIFLOW.equals(parts[0])
        && market.eventId().equals(parts[1])
        && (market.outcomeId() == null || market.outcomeId().equals(parts[2]))
        && (market.option() == null || market.option().equals(parts[3]));
  }
}
