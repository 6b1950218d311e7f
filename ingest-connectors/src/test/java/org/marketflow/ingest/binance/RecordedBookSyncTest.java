package org.marketflow.ingest.binance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.marketflow.ingest.book.OrderBook;
import org.marketflow.ingest.feed.BookOutput;
import org.marketflow.ingest.recording.HftBacktestRecording;
import org.marketflow.ingest.recording.RecordingLine;
import org.marketflow.schemas.avro.BookLevel;
import org.marketflow.schemas.avro.BookUpdate;
import org.marketflow.schemas.avro.FeedState;
import org.marketflow.schemas.avro.FeedStatus;
import org.marketflow.testing.data.SharedData;

/**
 * The book sync on Binance's own recorded messages. After every published diff, the book rebuilt
 * from the published {@code BookUpdate}s alone must have exactly the venue's best bid and ask
 * (price and size) of the {@code bookTicker} in force at that diff's last update id {@code u}: the
 * one with the highest update id not above it (Binance sends a bookTicker for every change of the
 * best levels, so none in between means no change). Futures tickers often carry exactly the diff's
 * {@code u}; spot's 100 ms diffs rarely end on a ticker's id. With one diff in 500 dropped, every
 * drop must be reported as a gap, nothing published until the resync, and the book right again
 * after it.
 */
class RecordedBookSyncTest {

  /** What one pass over a recording found. */
  private record Result(int diffs, int compared, int matched, int exact, int gaps, int dropped) {}

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "binance-hftbacktest/spot_btcusdt_20240808.gz, BINANCE, SPOT",
    "binance-hftbacktest/spot_ethusdt_20240808.gz, BINANCE, SPOT",
    "binance-hftbacktest/usdm_btcusdt_20240808.gz, BINANCE_USDM, USDM"
  })
  void theRebuiltBookHasTheVenuesBestBidAndAsk(
      String recording, String venue, BinanceBookSync.Market market) throws IOException {
    Result result = replay(recording, venue, market, 0);

    assertThat(result.gaps()).isZero();
    assertThat(result.diffs()).isPositive();
    assertThat(result.compared()).as("diffs with a bookTicker in force").isPositive();
    assertThat(result.exact()).as("bookTickers at exactly a diff's u").isPositive();
    assertThat(result.matched()).isEqualTo(result.compared());
    System.out.printf(
        "%s: %d diffs, %d compared with the bookTicker in force, %d matched (%d at the exact u)%n",
        recording, result.diffs(), result.compared(), result.matched(), result.exact());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "binance-hftbacktest/spot_btcusdt_20240808.gz, BINANCE, SPOT",
    "binance-hftbacktest/usdm_btcusdt_20240808.gz, BINANCE_USDM, USDM"
  })
  void detectsEveryDroppedDiffAndIsRightAgainAfterTheResync(
      String recording, String venue, BinanceBookSync.Market market) throws IOException {
    Result result = replay(recording, venue, market, 500);

    assertThat(result.dropped()).isPositive();
    assertThat(result.gaps()).isEqualTo(result.dropped());
    assertThat(result.compared()).isPositive();
    assertThat(result.matched()).isEqualTo(result.compared());
  }

  /**
   * Replays a recording through a sync (dropping one diff in {@code dropOneIn}, seeded, when
   * positive) and checks the book rebuilt from what it publishes against every aligned bookTicker.
   * After a gap the sync gets the next snapshot a live handler would fetch: the book of a second,
   * loss-free sync at that moment.
   */
  private static Result replay(
      String recording, String venue, BinanceBookSync.Market market, int dropOneIn)
      throws IOException {
    BinanceParser parser = new BinanceParser(venue);
    String instrument = venue + ":" + symbolOf(recording);
    BinanceBookSync truth = new BinanceBookSync(instrument, market);
    BinanceBookSync sync = new BinanceBookSync(instrument, market);
    OrderBook rebuilt = new OrderBook();
    List<FeedStatus> statuses = new ArrayList<>();
    long[] lastPublished = {-1};
    BookOutput publish =
        new BookOutput() {
          @Override
          public void book(BookUpdate update) {
            rebuilt.apply(update);
            lastPublished[0] = update.getLastSequence();
          }

          @Override
          public void status(FeedStatus status) {
            statuses.add(status);
            if (status.getState() == FeedState.GAP) {
              lastPublished[0] = -1;
            }
          }
        };
    BookOutput discard =
        new BookOutput() {
          @Override
          public void book(BookUpdate update) {}

          @Override
          public void status(FeedStatus status) {}
        };
    NavigableMap<Long, BinanceMessage.BookTicker> tickers = tickers(parser, recording);
    Random random = new Random(20240808);
    int[] counts = new int[5]; // diffs, compared, matched, dropped, exact
    try (HftBacktestRecording file = HftBacktestRecording.open(SharedData.file(recording))) {
      file.forEach(
          new HftBacktestRecording.LineHandler() {
            @Override
            public void line(RecordingLine line) {
              long receiveUs = line.receiveTimeNs() / 1_000L;
              BinanceMessage message = parser.parse(line.message(), receiveUs);
              if (message instanceof BinanceMessage.DepthSnapshot snapshot) {
                truth.onSnapshot(snapshot, receiveUs, discard);
                sync.onSnapshot(snapshot, receiveUs, publish);
              } else if (message instanceof BinanceMessage.DepthDiff diff) {
                counts[0]++;
                truth.onDiff(diff, receiveUs, discard);
                if (dropOneIn > 0 && random.nextInt(dropOneIn) == 0) {
                  counts[3]++;
                  return;
                }
                boolean wasSynced = sync.isSynced();
                sync.onDiff(diff, receiveUs, publish);
                if (wasSynced && !sync.isSynced()) {
                  // The resync a live handler does: a fresh snapshot, here the loss-free book.
                  sync.onSnapshot(snapshotOf(truth), receiveUs, publish);
                }
                Map.Entry<Long, BinanceMessage.BookTicker> inForce =
                    lastPublished[0] < 0 ? null : tickers.floorEntry(lastPublished[0]);
                if (inForce != null) {
                  counts[1]++;
                  if (inForce.getKey() == lastPublished[0]) {
                    counts[4]++;
                  }
                  if (sameTop(rebuilt, inForce.getValue())) {
                    counts[2]++;
                  }
                }
              }
            }

            @Override
            public void malformed(HftBacktestRecording.MalformedLine line) {
              throw new AssertionError("malformed line " + line);
            }

            @Override
            public void truncated(HftBacktestRecording.MalformedLine partial) {
              throw new AssertionError("truncated " + partial);
            }
          });
    }
    int gaps = (int) statuses.stream().filter(s -> s.getState() == FeedState.GAP).count();
    return new Result(counts[0], counts[1], counts[2], counts[4], gaps, counts[3]);
  }

  private static boolean sameTop(OrderBook book, BinanceMessage.BookTicker ticker) {
    BookLevel bid = book.bestBid();
    BookLevel ask = book.bestAsk();
    return bid != null
        && ask != null
        && bid.getPrice() == ticker.bidPrice()
        && bid.getSize() == ticker.bidSize()
        && ask.getPrice() == ticker.askPrice()
        && ask.getSize() == ticker.askSize();
  }

  /** Every bookTicker of the recording by its update id (a first pass). */
  private static NavigableMap<Long, BinanceMessage.BookTicker> tickers(
      BinanceParser parser, String recording) throws IOException {
    NavigableMap<Long, BinanceMessage.BookTicker> tickers = new TreeMap<>();
    try (HftBacktestRecording file = HftBacktestRecording.open(SharedData.file(recording))) {
      file.forEach(
          new HftBacktestRecording.LineHandler() {
            @Override
            public void line(RecordingLine line) {
              if (parser.parse(line.message(), 0) instanceof BinanceMessage.BookTicker ticker) {
                tickers.put(ticker.updateId(), ticker);
              }
            }

            @Override
            public void malformed(HftBacktestRecording.MalformedLine line) {}

            @Override
            public void truncated(HftBacktestRecording.MalformedLine partial) {}
          });
    }
    return tickers;
  }

  private static BinanceMessage.DepthSnapshot snapshotOf(BinanceBookSync synced) {
    return new BinanceMessage.DepthSnapshot(
        synced.lastUpdateId(),
        null,
        synced.book().bids(Integer.MAX_VALUE),
        synced.book().asks(Integer.MAX_VALUE));
  }

  /** {@code spot_btcusdt_20240808.gz} → {@code BTCUSDT}. */
  private static String symbolOf(String recording) {
    String name = recording.substring(recording.lastIndexOf('/') + 1);
    return name.split("_")[1].toUpperCase(java.util.Locale.ROOT);
  }
}
