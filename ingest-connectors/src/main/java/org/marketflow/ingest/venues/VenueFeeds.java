package org.marketflow.ingest.venues;

import java.util.Set;
import org.marketflow.ingest.binance.BinanceFeed;
import org.marketflow.ingest.coinbase.CoinbaseFeed;
import org.marketflow.ingest.feed.FeedOutput;
import org.marketflow.ingest.feed.ResyncRequests;
import org.marketflow.ingest.feed.Venue;
import org.marketflow.ingest.feed.VenueFeed;
import org.marketflow.ingest.kraken.KrakenFeed;
import org.marketflow.ingest.pariflow.PariflowFeed;

/** The feed of each venue. */
public final class VenueFeeds {

  private VenueFeeds() {}

  /**
   * A new feed of {@code venue} publishing to {@code out}.
   *
   * @param stage the stage its dead letters name
   * @param resync how it asks for a fresh book after a gap ({@link ResyncRequests#NONE} in a
   *     recording, where the next snapshot resyncs)
   */
  public static VenueFeed create(Venue venue, FeedOutput out, String stage, ResyncRequests resync) {
    return create(venue, out, stage, resync, Set.of());
  }

  /**
   * A new feed of {@code venue} for a live connection subscribed to {@code symbols} (the venue's
   * own): Coinbase refuses messages of other products (Binance's streams and Kraken's channels
   * already name only what was subscribed).
   */
  public static VenueFeed create(
      Venue venue, FeedOutput out, String stage, ResyncRequests resync, Set<String> symbols) {
    return switch (venue) {
      case BINANCE_SPOT, BINANCE_USDM ->
          new BinanceFeed(venue.instrumentVenue(), out, stage, resync);
      case COINBASE -> new CoinbaseFeed(out, stage, resync, symbols);
      case KRAKEN -> new KrakenFeed(out, stage, resync);
      case PARIFLOW -> new PariflowFeed(out, stage, resync);
    };
  }
}
