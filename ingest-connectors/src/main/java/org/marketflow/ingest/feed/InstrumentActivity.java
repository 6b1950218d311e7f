package org.marketflow.ingest.feed;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.marketflow.schemas.avro.FeedState;

/**
 * The instruments of one connection and when each last sent something: the connection's {@code
 * CONNECTED} / {@code DISCONNECTED} go to each, and {@code STALE} to each that has been silent too
 * long (once per silence: the next message ends it).
 */
public final class InstrumentActivity {

  private final Map<String, Long> lastMessageUs = new LinkedHashMap<>();
  private final Map<String, Boolean> stale = new LinkedHashMap<>();

  /** Instruments known before their first message (the subscribed ones), so silence counts. */
  public void expect(String instrument, long sinceUs) {
    lastMessageUs.putIfAbsent(instrument, sinceUs);
    stale.putIfAbsent(instrument, false);
  }

  /** {@code instrument} sent something at local time {@code atUs}. */
  public void touch(String instrument, long atUs) {
    lastMessageUs.put(instrument, atUs);
    stale.put(instrument, false);
  }

  public Set<String> instruments() {
    return lastMessageUs.keySet();
  }

  /** {@code state} (a connection change) for every instrument. */
  public void all(FeedState state, long atUs, String detail, BookOutput out) {
    for (String instrument : lastMessageUs.keySet()) {
      out.status(FeedStatuses.of(instrument, state, atUs, detail));
      if (state == FeedState.CONNECTED) {
        lastMessageUs.put(instrument, atUs); // silence counts from the new connection
        stale.put(instrument, false);
      }
    }
  }

  /** {@code STALE} for each instrument silent for {@code silenceUs} or more at {@code nowUs}. */
  public void checkStale(long nowUs, long silenceUs, BookOutput out) {
    for (Map.Entry<String, Long> entry : lastMessageUs.entrySet()) {
      String instrument = entry.getKey();
      long silentUs = nowUs - entry.getValue();
      if (silentUs >= silenceUs && !stale.get(instrument)) {
        stale.put(instrument, true);
        out.status(
            FeedStatuses.of(
                instrument,
                FeedState.STALE,
                nowUs,
                "nothing received for " + silentUs / 1_000L + " ms"));
      }
    }
  }
}
