package org.marketflow.ingest.feed;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.marketflow.schemas.avro.BookUpdate;
import org.marketflow.schemas.avro.FeedState;
import org.marketflow.schemas.avro.FeedStatus;
import org.marketflow.schemas.avro.Quote;
import org.marketflow.schemas.avro.Trade;
import org.marketflow.schemas.kafka.RecordOrigin;

/**
 * Counts what a feed publishes, per instrument, and passes everything on to the output it wraps:
 * the figures of a replay, of {@code ingest check} and of the metrics.
 */
public final class FeedTally extends ForwardingOutput {

  /** What one instrument's feed did. */
  public static final class Counts {
    private final Map<String, Long> messages = new TreeMap<>();
    private final Map<FeedState, Long> statuses = new TreeMap<>();
    private long trades;
    private long quotes;
    private long snapshots;
    private long deltas;
    private long checksumsVerified;

    /** Valid messages received, by the venue's message type. */
    public Map<String, Long> messages() {
      return Collections.unmodifiableMap(new TreeMap<>(messages));
    }

    public long trades() {
      return trades;
    }

    public long quotes() {
      return quotes;
    }

    public long snapshots() {
      return snapshots;
    }

    public long deltas() {
      return deltas;
    }

    public long bookUpdates() {
      return snapshots + deltas;
    }

    public long checksumsVerified() {
      return checksumsVerified;
    }

    /** {@code FeedStatus} records published in {@code state}. */
    public long statuses(FeedState state) {
      return statuses.getOrDefault(state, 0L);
    }

    private void add(Counts other) {
      other.messages.forEach((type, n) -> messages.merge(type, n, Long::sum));
      other.statuses.forEach((state, n) -> statuses.merge(state, n, Long::sum));
      trades += other.trades;
      quotes += other.quotes;
      snapshots += other.snapshots;
      deltas += other.deltas;
      checksumsVerified += other.checksumsVerified;
    }
  }

  private final Map<String, Counts> byInstrument = new TreeMap<>();
  private final Map<String, Long> ignored = new TreeMap<>();
  private long deadLetters;

  public FeedTally(FeedOutput next) {
    super(next);
  }

  private Counts of(String instrument) {
    return byInstrument.computeIfAbsent(instrument == null ? "-" : instrument, id -> new Counts());
  }

  @Override
  public void trade(Trade trade) {
    of(trade.getInstrument()).trades++;
    super.trade(trade);
  }

  @Override
  public void quote(Quote quote) {
    of(quote.getInstrument()).quotes++;
    super.quote(quote);
  }

  @Override
  public void book(BookUpdate update) {
    Counts counts = of(update.getInstrument());
    switch (update.getKind()) {
      case SNAPSHOT -> counts.snapshots++;
      case DELTA -> counts.deltas++;
    }
    super.book(update);
  }

  @Override
  public void status(FeedStatus status) {
    of(status.getInstrument()).statuses.merge(status.getState(), 1L, Long::sum);
    super.status(status);
  }

  @Override
  public void deadLetter(String stage, String reason, RecordOrigin origin, long atUs, byte[] raw) {
    deadLetters++;
    super.deadLetter(stage, reason, origin, atUs, raw);
  }

  @Override
  public void received(String instrument, String type) {
    of(instrument).messages.merge(type, 1L, Long::sum);
    super.received(instrument, type);
  }

  @Override
  public void ignored(String instrument, String why) {
    ignored.merge(why, 1L, Long::sum);
    super.ignored(instrument, why);
  }

  @Override
  public void checksumVerified(String instrument) {
    of(instrument).checksumsVerified++;
    super.checksumVerified(instrument);
  }

  /** Counts by instrument ({@code "-"} for messages of no instrument), sorted. */
  public Map<String, Counts> byInstrument() {
    return Collections.unmodifiableMap(new TreeMap<>(byInstrument));
  }

  /** The sum over all instruments. */
  public Counts total() {
    Counts total = new Counts();
    byInstrument.values().forEach(total::add);
    return total;
  }

  /** Valid messages not published, by why. */
  public Map<String, Long> ignored() {
    return Collections.unmodifiableMap(new TreeMap<>(ignored));
  }

  public long deadLetters() {
    return deadLetters;
  }
}
