package org.marketflow.ingest.coinbase;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.marketflow.ingest.book.OrderBook;
import org.marketflow.ingest.feed.FeedOutput;
import org.marketflow.ingest.feed.FeedTally;
import org.marketflow.ingest.feed.RawMessage;
import org.marketflow.ingest.recording.CryptofeedRecording;
import org.marketflow.schemas.avro.BookLevel;
import org.marketflow.schemas.avro.BookUpdate;
import org.marketflow.schemas.avro.BookUpdateKind;
import org.marketflow.schemas.avro.FeedStatus;
import org.marketflow.schemas.avro.Quote;
import org.marketflow.schemas.avro.Trade;
import org.marketflow.schemas.kafka.RecordOrigin;
import org.marketflow.testing.data.SharedData;

/**
 * The feed on Coinbase's own recorded messages (cryptofeed, 2021-04-17, ten products, level2 +
 * ticker + matches). Its {@code l2update}s carry no sequence, so the checks are the ones the feed
 * makes without one (time not going back, book never crossed) plus what a consumer sees: after
 * every published update, the book rebuilt from the published {@code BookUpdate}s alone must be
 * exactly the feed's.
 *
 * <p>The {@code ticker}'s best bid and ask are compared with the book when the ticker arrives. They
 * are not aligned to the level2 stream (no common sequence), so only some comparisons are fair: a
 * ticker whose venue time is at or after the time of the last {@code l2update} applied to its
 * product describes a state the book has reached and not yet left; those must all match. The others
 * are counted, not asserted: in this recording they are the tickers sent on subscription, which
 * describe each product's last trade, from before the snapshot (the book may have moved since).
 */
class CoinbaseRecordedFeedTest {

  private static final String RECORDING = "cryptofeed/COINBASE.ws.28.0";

  private static final Set<String> PRODUCTS =
      Set.of(
          "SKL-USD",
          "SKL-BTC",
          "BAND-GBP",
          "NMR-EUR",
          "BAND-BTC",
          "YFI-BTC",
          "DASH-BTC",
          "NU-GBP",
          "CRV-EUR",
          "SKL-GBP");

  /** Checks each published record against the feed's own book as it is published. */
  private static final class Checker implements FeedOutput {
    CoinbaseFeed feed;
    final Map<String, OrderBook> rebuilt = new HashMap<>();
    final Map<String, Long> lastDeltaTimeUs = new HashMap<>();
    final List<FeedStatus> statuses = new ArrayList<>();
    final List<String> deadLetters = new ArrayList<>();
    int bookUpdates;
    int rebuiltDiffers;
    int crossed;
    int tickers;
    int tickersMatching;
    int fairTickers;
    int fairTickersMatching;

    @Override
    public void book(BookUpdate update) {
      bookUpdates++;
      String product = product(update.getInstrument());
      OrderBook consumer = rebuilt.computeIfAbsent(product, p -> new OrderBook());
      consumer.apply(update);
      OrderBook handler = feed.book(product);
      if (!levels(consumer).equals(levels(handler))) {
        rebuiltDiffers++;
      }
      if (handler.isCrossed()) {
        crossed++;
      }
      if (update.getKind() == BookUpdateKind.DELTA) {
        lastDeltaTimeUs.put(product, update.getExchangeTimeUs());
      } else {
        lastDeltaTimeUs.remove(product);
      }
    }

    @Override
    public void quote(Quote quote) {
      tickers++;
      String product = product(quote.getInstrument());
      OrderBook book = feed.book(product);
      boolean matches =
          book != null
              && book.bestBid() != null
              && book.bestAsk() != null
              && book.bestBid().getPrice() == quote.getBidPrice()
              && book.bestAsk().getPrice() == quote.getAskPrice();
      if (matches) {
        tickersMatching++;
      }
      Long lastDeltaUs = lastDeltaTimeUs.get(product);
      if (lastDeltaUs != null && quote.getExchangeTimeUs() >= lastDeltaUs) {
        fairTickers++;
        if (matches) {
          fairTickersMatching++;
        }
      }
    }

    @Override
    public void status(FeedStatus status) {
      statuses.add(status);
    }

    @Override
    public void trade(Trade trade) {}

    @Override
    public void deadLetter(
        String stage, String reason, RecordOrigin origin, long atUs, byte[] raw) {
      deadLetters.add(origin + ": " + reason);
    }
  }

  @Test
  void keepsEveryProductsBookAsTheRecordingDescribesIt() throws IOException {
    Path file = SharedData.file(RECORDING);
    Checker checker = new Checker();
    FeedTally tally = new FeedTally(checker);
    List<String> resyncs = new ArrayList<>();
    CoinbaseFeed feed = new CoinbaseFeed(tally, "ingest.replay.coinbase", resyncs::add, PRODUCTS);
    checker.feed = feed;
    String name = file.getFileName().toString();
    try (CryptofeedRecording recording = CryptofeedRecording.open(file)) {
      recording.forEach(
          line ->
              feed.onMessage(
                  new RawMessage(
                      line.message(),
                      line.receiveTimeNs(),
                      RecordOrigin.file(name, line.lineNumber()))));
    }

    FeedTally.Counts total = tally.total();
    System.out.printf(
        "%s: %d snapshots, %d deltas, %d trades, %d quotes, %d dead letters, ignored %s%n",
        RECORDING,
        total.snapshots(),
        total.deltas(),
        total.trades(),
        total.quotes(),
        tally.deadLetters(),
        tally.ignored());
    System.out.printf(
        "%s: tickers matching the book's best bid and ask: %d of %d; of the %d at or after their"
            + " product's last applied l2update, %d%n",
        RECORDING,
        checker.tickersMatching,
        checker.tickers,
        checker.fairTickers,
        checker.fairTickersMatching);

    assertThat(checker.deadLetters).isEmpty();
    assertThat(checker.statuses).as("no gap").isEmpty();
    assertThat(resyncs).isEmpty();
    for (String product : PRODUCTS) {
      FeedTally.Counts counts = tally.byInstrument().get(CoinbaseParser.instrument(product));
      assertThat(counts.snapshots()).as(product + " snapshots").isEqualTo(1);
    }
    assertThat(total.messages()).containsEntry("l2update", 9_719L);
    assertThat(total.deltas()).as("every l2update applied").isEqualTo(9_719);
    assertThat(tally.ignored()).isEmpty();
    assertThat(checker.bookUpdates).isEqualTo(10 + 9_719);
    assertThat(checker.rebuiltDiffers).as("updates after which the rebuilt book differs").isZero();
    assertThat(checker.crossed).as("updates after which the book is crossed").isZero();
    assertThat(total.trades()).as("match and last_match").isEqualTo(97 + 10);
    assertThat(total.quotes()).isEqualTo(107);
    assertThat(checker.fairTickers).isGreaterThan(90);
    assertThat(checker.fairTickersMatching).isEqualTo(checker.fairTickers);
  }

  private static String product(String instrument) {
    return instrument.substring(instrument.indexOf(':') + 1);
  }

  private static List<List<BookLevel>> levels(OrderBook book) {
    return List.of(book.bids(Integer.MAX_VALUE), book.asks(Integer.MAX_VALUE));
  }
}
