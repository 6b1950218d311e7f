package org.marketflow.ingest.kraken;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.marketflow.ingest.book.OrderBook;
import org.marketflow.ingest.feed.CollectingOutput;
import org.marketflow.ingest.feed.FeedTally;
import org.marketflow.ingest.feed.RawMessage;
import org.marketflow.ingest.recording.CryptofeedRecording;
import org.marketflow.ingest.recording.RecordingLine;
import org.marketflow.schemas.avro.BookLevel;
import org.marketflow.schemas.avro.BookUpdate;
import org.marketflow.schemas.avro.BookUpdateKind;
import org.marketflow.schemas.avro.FeedState;
import org.marketflow.schemas.kafka.RecordOrigin;
import org.marketflow.testing.data.SharedData;

/**
 * {@link KrakenFeed} on Kraken's own recorded {@code book-1000} messages of ten pairs: every
 * update's checksum verifies, and after every published record the book a consumer rebuilds from
 * the published {@code BookUpdate}s alone ({@link OrderBook}) holds every level of the feed's book.
 */
class KrakenFeedRecordingTest {

  private static final String RECORDING = "cryptofeed/KRAKEN.ws.50.0";

  /** The updates in the recording, as {@link KrakenChecksumTest} counts them. */
  private static final int UPDATES = 4_269;

  /** Replays the recording, with one update corrupted when {@code corruptLine} is positive. */
  private static final class Replay {
    final CollectingOutput collected = new CollectingOutput();
    final FeedTally tally = new FeedTally(collected);
    final List<String> resyncRequests = new ArrayList<>();
    final KrakenFeed feed = new KrakenFeed(tally, "ingest.test.kraken", resyncRequests::add);
    final KrakenFeed truth = new KrakenFeed(new CollectingOutput(), "truth", pair -> {});
    final Map<String, OrderBook> rebuilt = new HashMap<>();
    final KrakenBookParser books = new KrakenBookParser();
    int compared;
    int cutLevels;
    int published;
    String depthAs = "book-1000";

    void run(long corruptLine) throws IOException {
      Path file = SharedData.file(RECORDING);
      try (CryptofeedRecording recording = CryptofeedRecording.open(file)) {
        recording.forEach(line -> line(file, line, corruptLine));
      }
    }

    private void line(Path file, RecordingLine line, long corruptLine) {
      RecordOrigin origin = RecordOrigin.file(file.getFileName().toString(), line.lineNumber());
      RawMessage message = new RawMessage(line.message(), line.receiveTimeNs(), origin);
      if (!"book-1000".equals(depthAs)) {
        message =
            RawMessage.of(
                message.text().replace("book-1000", depthAs), line.receiveTimeNs(), origin);
      }
      truth.onMessage(message);
      if (line.lineNumber() != corruptLine) {
        feed.onMessage(message);
        check(message);
        return;
      }
      feed.onMessage(corrupted(message));
      check(message);
      // Live, the resync request resubscribes and Kraken sends a snapshot: the truth's book now.
      String pair = books.parse(message.bytes()).orElseThrow().pair();
      feed.onMessage(snapshotOf(truth, pair, message));
      check(message);
    }

    /** Applies what the feed published since the last call, and compares the books. */
    private void check(RawMessage message) {
      for (; published < collected.books.size(); published++) {
        BookUpdate update = collected.books.get(published);
        OrderBook book = rebuilt.computeIfAbsent(update.getInstrument(), id -> new OrderBook());
        book.apply(update);
        KrakenBook handlers = feed.book(update.getInstrument().substring("KRAKEN:".length()));
        assertThat(book.asks(Integer.MAX_VALUE))
            .as("asks of %s after %s", update.getInstrument(), message.origin())
            .isEqualTo(levels(handlers.asks()));
        assertThat(book.bids(Integer.MAX_VALUE))
            .as("bids of %s after %s", update.getInstrument(), message.origin())
            .isEqualTo(levels(handlers.bids()));
        compared++;
        if (update.getKind() == BookUpdateKind.DELTA) {
          cutLevels += cut(update, books.parse(message.bytes()).orElseThrow());
        }
      }
    }
  }

  @Test
  void everyUpdateVerifiesAndThePublishedRecordsRebuildTheBook() throws IOException {
    Replay replay = new Replay();
    replay.run(0);

    FeedTally.Counts total = replay.tally.total();
    assertThat(total.checksumsVerified()).as("updates whose checksum verifies").isEqualTo(UPDATES);
    assertThat(total.deltas()).isEqualTo(UPDATES);
    assertThat(total.snapshots()).isEqualTo(10);
    assertThat(total.statuses(FeedState.CHECKSUM_MISMATCH)).isZero();
    assertThat(replay.collected.statuses).isEmpty();
    assertThat(replay.tally.deadLetters()).isZero();
    assertThat(replay.resyncRequests).isEmpty();
    assertThat(total.messages())
        .containsEntry("book-update", (long) UPDATES)
        .containsEntry("book-snapshot", 10L)
        .containsEntry("subscriptionStatus", 10L)
        .containsEntry("systemStatus", 1L)
        .containsEntry("heartbeat", 31L);
    assertThat(replay.compared).isEqualTo(UPDATES + 10);
    assertThat(replay.tally.byInstrument()).containsKey("KRAKEN:XBT/CHF");
    System.out.printf(
        "%s through KrakenFeed: %d snapshots, %d updates, %d checksums verified, %d mismatches,"
            + " %d dead letters; rebuilt book equal to the feed's after all %d records; %d levels"
            + " cut by the depth published as removals%n",
        RECORDING,
        total.snapshots(),
        total.messages().get("book-update"),
        total.checksumsVerified(),
        total.statuses(FeedState.CHECKSUM_MISMATCH),
        replay.tally.deadLetters(),
        replay.compared,
        replay.cutLevels);
  }

  /**
   * The recorded books never reach 1,000 levels a side, so nothing is cut at the recorded depth.
   * Read as {@code book-500} subscriptions, the deeper sides (up to 849 levels) are cut at every
   * snapshot and many updates: the checksum (of the 10 best levels) still verifies, and the rebuilt
   * book still equals the feed's, so the published removals are exactly the cut levels.
   */
  @Test
  void atASmallerDepthTheCutLevelsArePublishedAsRemovals() throws IOException {
    Replay replay = new Replay();
    replay.depthAs = "book-500";
    replay.run(0);

    FeedTally.Counts total = replay.tally.total();
    assertThat(total.checksumsVerified()).isEqualTo(UPDATES);
    assertThat(total.statuses(FeedState.CHECKSUM_MISMATCH)).isZero();
    assertThat(replay.tally.deadLetters()).isZero();
    assertThat(replay.compared).isEqualTo(UPDATES + 10);
    assertThat(replay.cutLevels).isPositive();
    assertThat(replay.feed.book("SC/EUR").bids()).hasSizeLessThanOrEqualTo(500);
    System.out.printf(
        "%s read as book-500: %d checksums verified, rebuilt book equal after all %d records,"
            + " %d levels cut by the depth published as removals%n",
        RECORDING, total.checksumsVerified(), replay.compared, replay.cutLevels);
  }

  @Test
  void aCorruptedUpdateIsCaughtAndTheBookIsRightAgainAfterTheResync() throws IOException {
    long corruptLine = firstUpdateLineAfter(2_000);
    Replay replay = new Replay();
    replay.run(corruptLine);

    FeedTally.Counts total = replay.tally.total();
    assertThat(total.statuses(FeedState.CHECKSUM_MISMATCH)).isEqualTo(1);
    assertThat(total.statuses(FeedState.RESYNCED)).isEqualTo(1);
    assertThat(replay.resyncRequests).hasSize(1);
    assertThat(total.checksumsVerified()).isEqualTo(UPDATES - 1);
    assertThat(total.snapshots()).isEqualTo(11);
    assertThat(replay.tally.deadLetters()).isZero();
    assertThat(replay.compared).isEqualTo(UPDATES - 1 + 11);
    System.out.printf(
        "%s with line %d corrupted: %d mismatch, resync requested for %s, %d verified after%n",
        RECORDING,
        corruptLine,
        total.statuses(FeedState.CHECKSUM_MISMATCH),
        replay.resyncRequests,
        total.checksumsVerified());
  }

  /**
   * The first update after line {@code line} whose first level is among the 10 best of its side
   * after it: the only levels Kraken's checksum covers, so a change there must be caught.
   */
  private static long firstUpdateLineAfter(long line) throws IOException {
    long[] found = {0};
    KrakenBookParser parser = new KrakenBookParser();
    Map<String, KrakenBook> books = new HashMap<>();
    try (CryptofeedRecording recording = CryptofeedRecording.open(SharedData.file(RECORDING))) {
      recording.forEach(
          each ->
              parser
                  .parse(each.message())
                  .ifPresent(
                      message -> {
                        KrakenBook book =
                            books.computeIfAbsent(message.pair(), p -> new KrakenBook(1000));
                        if (message.snapshot()) {
                          book.reset(message.asks(), message.bids());
                          return;
                        }
                        book.apply(message.asks(), message.bids());
                        boolean ask = !message.asks().isEmpty();
                        KrakenBook.Level first = (ask ? message.asks() : message.bids()).get(0);
                        List<KrakenBook.Level> top = ask ? book.asks() : book.bids();
                        if (found[0] == 0
                            && each.lineNumber() > line
                            && top.subList(0, Math.min(10, top.size())).stream()
                                .anyMatch(level -> level.price().equals(first.price()))) {
                          found[0] = each.lineNumber();
                        }
                      }));
    }
    assertThat(found[0]).as("an update changing the 10 best levels").isPositive();
    return found[0];
  }

  /** The message with its first level's volume changed in the last digit. */
  private static RawMessage corrupted(RawMessage message) {
    String text = message.text();
    int priceEnd = text.indexOf('"', text.indexOf("[[\"") + 3);
    int volumeEnd = text.indexOf('"', priceEnd + 3);
    char digit = text.charAt(volumeEnd - 1);
    String changed =
        text.substring(0, volumeEnd - 1)
            + (digit == '9' ? '8' : (char) (digit + 1))
            + text.substring(volumeEnd);
    return new RawMessage(
        changed.getBytes(StandardCharsets.UTF_8), message.receiveTimeNs(), message.origin());
  }

  /** A snapshot message of the book {@code feed} holds for {@code pair}. */
  static RawMessage snapshotOf(KrakenFeed feed, String pair, RawMessage after) {
    KrakenBook book = feed.book(pair);
    String channel = "[" + channelId(after) + ",{\"as\":" + json(book.asks());
    String text =
        channel
            + ",\"bs\":"
            + json(book.bids())
            + "},\"book-"
            + book.depth()
            + "\",\""
            + pair
            + "\"]";
    return RawMessage.of(text, after.receiveTimeNs(), after.origin());
  }

  private static String channelId(RawMessage message) {
    String text = message.text();
    return text.substring(1, text.indexOf(','));
  }

  private static String json(List<KrakenBook.Level> levels) {
    StringBuilder json = new StringBuilder("[");
    for (KrakenBook.Level level : levels) {
      json.append(json.length() > 1 ? "," : "")
          .append("[\"")
          .append(level.price())
          .append("\",\"")
          .append(level.volume())
          .append("\",\"1618678100.000000\"]");
    }
    return json.append(']').toString();
  }

  static List<BookLevel> levels(List<KrakenBook.Level> levels) {
    List<BookLevel> out = new ArrayList<>();
    for (KrakenBook.Level level : levels) {
      out.add(
          new BookLevel(
              Double.parseDouble(level.price()), Double.parseDouble(level.volume()), null));
    }
    return out;
  }

  /** The levels of a delta that its message did not name: those the cut to depth removed. */
  private static int cut(BookUpdate delta, KrakenBookMessage message) {
    return cut(delta.getAsks(), message.asks()) + cut(delta.getBids(), message.bids());
  }

  private static int cut(List<BookLevel> published, List<KrakenBook.Level> sent) {
    Set<Double> named = new HashSet<>();
    sent.forEach(level -> named.add(Double.parseDouble(level.price())));
    int cut = 0;
    for (BookLevel level : published) {
      if (!named.contains(level.getPrice())) {
        assertThat(level.getSize()).as("a level cut by the depth").isZero();
        cut++;
      }
    }
    return cut;
  }
}
