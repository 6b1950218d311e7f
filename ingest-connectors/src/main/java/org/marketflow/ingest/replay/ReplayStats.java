package org.marketflow.ingest.replay;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.marketflow.ingest.feed.Discard;
import org.marketflow.ingest.feed.FeedTally;
import org.marketflow.schemas.avro.FeedState;

/**
 * What a replay did: lines read, and what the feed published ({@link FeedTally}): trades (and for
 * which instruments), book updates, quotes, gaps, repeated trades dropped, messages ignored by
 * kind, dead letters.
 */
public final class ReplayStats {

  private final FeedTally tally;
  private long lines;

  public ReplayStats(FeedTally tally) {
    this.tally = tally;
  }

  /** The figures of a replay that has not run: all zero. */
  public static ReplayStats none() {
    return new ReplayStats(new FeedTally(Discard.INSTANCE));
  }

  void line() {
    lines++;
  }

  /** Lines (messages, snapshots and unusable lines) read. */
  public long lines() {
    return lines;
  }

  public FeedTally tally() {
    return tally;
  }

  public long trades() {
    return tally.total().trades();
  }

  public long bookUpdates() {
    return tally.total().bookUpdates();
  }

  public long quotes() {
    return tally.total().quotes();
  }

  public long gaps() {
    return tally.total().statuses(FeedState.GAP);
  }

  public long deadLetters() {
    return tally.deadLetters();
  }

  /** Trades dropped because they repeated one already published. */
  public long repeated() {
    return tally.ignored().getOrDefault("repeated trade", 0L);
  }

  /** The instruments trades were published for, sorted. */
  public Set<String> instruments() {
    Set<String> instruments = new TreeSet<>();
    tally
        .byInstrument()
        .forEach(
            (id, counts) -> {
              if (counts.trades() > 0) {
                instruments.add(id);
              }
            });
    return instruments;
  }

  /** The first of {@link #instruments()} in order, if any trade was published. */
  public Optional<String> firstInstrument() {
    return instruments().stream().findFirst();
  }

  /** Valid messages not published, by why. */
  public Map<String, Long> ignored() {
    return tally.ignored();
  }

  /** What a feed published, in one line. */
  public static String summary(FeedTally tally) {
    FeedTally.Counts total = tally.total();
    return "trades="
        + total.trades()
        + " bookUpdates="
        + total.bookUpdates()
        + " quotes="
        + total.quotes()
        + " gaps="
        + total.statuses(FeedState.GAP)
        + " resyncs="
        + total.statuses(FeedState.RESYNCED)
        + " checksumFailures="
        + total.statuses(FeedState.CHECKSUM_MISMATCH)
        + " deadLetters="
        + tally.deadLetters();
  }

  @Override
  public String toString() {
    return "lines="
        + lines
        + " trades="
        + trades()
        + " bookUpdates="
        + bookUpdates()
        + " quotes="
        + quotes()
        + " gaps="
        + gaps()
        + " deadLetters="
        + deadLetters()
        + " repeated="
        + repeated()
        + " ignored="
        + ignored();
  }
}
