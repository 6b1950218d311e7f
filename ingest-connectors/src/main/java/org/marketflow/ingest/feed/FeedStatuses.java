package org.marketflow.ingest.feed;

import org.marketflow.schemas.avro.FeedState;
import org.marketflow.schemas.avro.FeedStatus;

/** Builds {@link FeedStatus} records. */
public final class FeedStatuses {

  private FeedStatuses() {}

  /**
   * @param expected the sequence the feed expected (a gap), or {@code null}
   * @param received the sequence it received instead, or {@code null}
   * @param eventTimeUs the venue time of the message that revealed it; the receive time if none
   */
  public static FeedStatus of(
      String instrument,
      FeedState state,
      Long expected,
      Long received,
      long eventTimeUs,
      long receiveTimeUs,
      String detail) {
    return FeedStatus.newBuilder()
        .setInstrument(instrument)
        .setEventTimeUs(eventTimeUs)
        .setReceiveTimeUs(receiveTimeUs)
        .setState(state)
        .setExpectedSequence(expected)
        .setReceivedSequence(received)
        .setDetail(detail)
        .build();
  }

  /** A status with no sequences, at local time {@code atUs}. */
  public static FeedStatus of(String instrument, FeedState state, long atUs, String detail) {
    return of(instrument, state, null, null, atUs, atUs, detail);
  }
}
