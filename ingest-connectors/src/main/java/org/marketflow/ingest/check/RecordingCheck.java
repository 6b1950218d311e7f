package org.marketflow.ingest.check;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.marketflow.ingest.feed.FeedOutput;
import org.marketflow.ingest.feed.FeedTally;
import org.marketflow.ingest.recording.Recording;
import org.marketflow.ingest.replay.Pacer;
import org.marketflow.ingest.replay.Replay;
import org.marketflow.ingest.replay.ReplayStats;
import org.marketflow.schemas.avro.BookUpdate;
import org.marketflow.schemas.avro.FeedState;
import org.marketflow.schemas.avro.FeedStatus;
import org.marketflow.schemas.avro.Quote;
import org.marketflow.schemas.avro.Trade;
import org.marketflow.schemas.kafka.RecordOrigin;

/**
 * {@code ingest check}: reads a recording through its venue's feed without Kafka, and reports per
 * instrument the messages by type, gaps, resyncs, checksums verified and failed, and the book
 * rebuilt from the published updates compared with the venue's own best bid and ask wherever the
 * venue sends one at an aligned update id. A recording passes when no comparison and no checksum
 * failed.
 */
public final class RecordingCheck {

  /** The outcome: the report's lines, and whether the recording can be trusted. */
  public record Result(List<String> lines, boolean passed, ReplayStats stats) {

    public String report() {
      return String.join(System.lineSeparator(), lines);
    }
  }

  static final int MAX_DEAD_LETTERS_SHOWN = 10;

  private RecordingCheck() {}

  public static Result run(Recording recording) throws IOException {
    TopOfBookCheck tops = new TopOfBookCheck();
    Checked checked = new Checked(tops, new ArrayList<>());
    ReplayStats stats = new Replay(checked, Pacer.asFastAsPossible()).replay(recording);
    List<String> lines = new ArrayList<>();
    boolean passed = true;
    lines.add(
        "check "
            + recording.file().getFileName()
            + " ("
            + recording.venue().cliName()
            + "): "
            + stats.lines()
            + " lines, "
            + stats.deadLetters()
            + " dead letters");
    for (String letter : checked.deadLetters()) {
      lines.add("  dead letter " + letter);
    }
    if (stats.deadLetters() > checked.deadLetters().size()) {
      lines.add("  (and " + (stats.deadLetters() - checked.deadLetters().size()) + " more)");
    }
    for (Map.Entry<String, FeedTally.Counts> entry : stats.tally().byInstrument().entrySet()) {
      String instrument = entry.getKey();
      FeedTally.Counts counts = entry.getValue();
      if (instrument.equals("-")) {
        lines.add("  (no instrument): messages " + counts.messages());
        continue;
      }
      TopOfBookCheck.Book book = tops.of(instrument);
      long checksumFailures = counts.statuses(FeedState.CHECKSUM_MISMATCH);
      lines.add(
          "  "
              + instrument
              + ": messages "
              + counts.messages()
              + ", gaps "
              + counts.statuses(FeedState.GAP)
              + ", resyncs "
              + counts.statuses(FeedState.RESYNCED)
              + ", checksums verified "
              + counts.checksumsVerified()
              + " failed "
              + checksumFailures
              + ", top of book compared "
              + book.compared
              + " matched "
              + book.matched);
      if (book.firstMismatch != null) {
        lines.add("    first mismatch " + book.firstMismatch);
      }
      passed &= book.matched == book.compared && checksumFailures == 0;
    }
    lines.add(passed ? "PASSED" : "FAILED");
    return new Result(lines, passed, stats);
  }

  /** Feeds the book check and keeps the first dead letters' origins and reasons. */
  private record Checked(TopOfBookCheck tops, List<String> deadLetters) implements FeedOutput {
    @Override
    public void trade(Trade trade) {}

    @Override
    public void quote(Quote quote) {
      tops.quote(quote);
    }

    @Override
    public void book(BookUpdate update) {
      tops.book(update);
    }

    @Override
    public void status(FeedStatus status) {
      tops.status(status);
    }

    @Override
    public void deadLetter(
        String stage, String reason, RecordOrigin origin, long atUs, byte[] raw) {
      if (deadLetters.size() < MAX_DEAD_LETTERS_SHOWN) {
        deadLetters.add(origin.source() + ":" + origin.position() + ": " + reason);
      }
    }
  }
}
