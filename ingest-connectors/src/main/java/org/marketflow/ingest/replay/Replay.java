package org.marketflow.ingest.replay;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.marketflow.ingest.feed.FeedOutput;
import org.marketflow.ingest.feed.FeedTally;
import org.marketflow.ingest.feed.RawMessage;
import org.marketflow.ingest.feed.ResyncRequests;
import org.marketflow.ingest.feed.VenueFeed;
import org.marketflow.ingest.recording.Recording;
import org.marketflow.ingest.recording.Recordings;
import org.marketflow.ingest.venues.VenueFeeds;

/**
 * Replays a recording of any supported format through its venue's feed: every message type becomes
 * the normalized records the live feed would publish (trades, quotes, books kept in sync, feed
 * status), a line that cannot be used becomes a dead letter with the reason and its exact bytes,
 * and a file cut short is reported, never thrown. Paced by a {@link Pacer}; a progress line goes
 * out every {@link #PROGRESS_EVERY_NS} when asked for.
 */
public final class Replay {

  static final String MODE = "replay";
  static final long PROGRESS_EVERY_NS = 5_000_000_000L;

  private final FeedOutput out;
  private final Pacer pacer;
  private Consumer<String> progress = line -> {};
  private LongSupplier clockNs = System::nanoTime;

  public Replay(FeedOutput out, Pacer pacer) {
    this.out = out;
    this.pacer = pacer;
  }

  /** Sends a progress line (messages, rate, position in the recording's time) every 5 s. */
  public Replay withProgress(Consumer<String> progress) {
    this.progress = progress;
    return this;
  }

  Replay withClock(LongSupplier clockNs) {
    this.clockNs = clockNs;
    return this;
  }

  /** Replays the recording in {@code file}, its format and venue told by its name. */
  public ReplayStats replay(Path file) throws IOException {
    try (Recording recording = Recordings.open(file, null)) {
      return replay(recording);
    }
  }

  public ReplayStats replay(Recording recording) throws IOException {
    FeedTally tally = new FeedTally(out);
    ReplayStats stats = new ReplayStats(tally);
    String stage = recording.venue().stage(MODE);
    VenueFeed feed = VenueFeeds.create(recording.venue(), tally, stage, ResyncRequests.NONE);
    String name = recording.file().getFileName().toString();
    long startNs = clockNs.getAsLong();
    long[] nextProgressNs = {startNs + PROGRESS_EVERY_NS};
    recording.forEach(
        new Recording.Handler() {
          @Override
          public void message(RawMessage message) throws IOException {
            pace(message);
            feed.onMessage(message);
          }

          @Override
          public void restSnapshot(String symbol, RawMessage body) throws IOException {
            pace(body);
            feed.onRestSnapshot(symbol, body);
          }

          @Override
          public void malformed(RawMessage line, String reason) {
            stats.line();
            tally.deadLetter(stage, reason, line.origin(), line.receiveTimeUs(), line.bytes());
          }

          private void pace(RawMessage message) throws IOException {
            stats.line();
            try {
              pacer.awaitRecordTime(message.receiveTimeNs());
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
              throw new IOException("replay interrupted", e);
            }
            long nowNs = clockNs.getAsLong();
            if (nowNs >= nextProgressNs[0]) {
              nextProgressNs[0] = nowNs + PROGRESS_EVERY_NS;
              progress.accept(progressLine(name, stats.lines(), nowNs - startNs, message));
            }
          }
        });
    tally.flush();
    return stats;
  }

  static String progressLine(String name, long messages, long elapsedNs, RawMessage at) {
    long rate = elapsedNs <= 0 ? 0 : (long) (messages / (elapsedNs / 1e9));
    return String.format(
        "replay %s: %,d messages, %,d/s, at %s",
        name, messages, rate, Instant.ofEpochSecond(0, at.receiveTimeNs()));
  }
}
