package org.marketflow.ingest.cli;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.marketflow.ingest.feed.Venue;
import org.marketflow.ingest.feed.VenueFeed;
import org.marketflow.ingest.live.LiveConnection;
import org.marketflow.ingest.live.LiveOptions;
import org.marketflow.ingest.live.VenueEndpoints;
import picocli.CommandLine.Option;

/** What a command that connects to a venue needs: the venue, its symbols, endpoints and limits. */
final class LiveArguments {

  @Option(
      names = "--venue",
      required = true,
      description = "binance-spot, binance-usdm, coinbase or kraken.")
  String venue;

  @Option(
      names = "--symbols",
      required = true,
      split = ",",
      description = "The venue's symbols: BTCUSDT (Binance), BTC-USD (Coinbase), XBT/USD (Kraken).")
  List<String> symbols;

  @Option(names = "--ws-url", description = "WebSocket base (default: the venue's public one).")
  URI webSocket;

  @Option(names = "--rest-url", description = "REST base (default: the venue's public one).")
  URI rest;

  @Option(
      names = "--stale-after-ms",
      defaultValue = "10000",
      description =
          "An instrument silent this long is STALE; a connection silent this long is made again"
              + " (default: ${DEFAULT-VALUE}).")
  long staleAfterMs;

  @Option(
      names = "--duration-s",
      description = "Stop after this many seconds (default: run until interrupted).")
  Long durationSeconds;

  @Option(
      names = "--max-messages",
      defaultValue = "9223372036854775807",
      description = "Stop after this many WebSocket messages (a sample).")
  long maxMessages;

  Venue venue() {
    return Venue.named(venue);
  }

  Set<String> symbols() {
    return Set.copyOf(symbols);
  }

  /**
   * A connection to the venue: reconnects back off from 0.5 s to 30 s, and REST snapshots are kept
   * 250 ms apart (Binance weighs a 1000-level depth request 50 of the 6,000 a minute allows, so
   * four a second stay far below it).
   */
  LiveConnection connection() {
    Venue named = venue();
    LiveOptions options =
        new LiveOptions(
            webSocket == null ? VenueEndpoints.webSocket(named) : webSocket,
            rest == null ? VenueEndpoints.rest(named) : rest,
            symbols,
            Duration.ofMillis(staleAfterMs),
            Duration.ofMillis(500),
            Duration.ofSeconds(30),
            Duration.ofMillis(250),
            Duration.ofSeconds(1));
    return new LiveConnection(
        named.cliName(), VenueEndpoints.protocol(named), options, new SplittableRandom());
  }

  /**
   * Runs {@code feed} on {@code connection} until the duration, the message count or an interrupt
   * (Ctrl-C, SIGTERM) ends it; an interrupt lets the run finish its last message first.
   */
  void run(LiveConnection connection, VenueFeed feed) throws InterruptedException {
    Thread main = Thread.currentThread();
    Thread stopper =
        new Thread(
            () -> {
              connection.stop();
              try {
                main.join(5_000);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "ingest-live-stop");
    Runtime.getRuntime().addShutdownHook(stopper);
    connection.run(
        feed,
        durationSeconds == null ? null : Instant.now().plusSeconds(durationSeconds),
        maxMessages);
    try {
      Runtime.getRuntime().removeShutdownHook(stopper);
    } catch (IllegalStateException shuttingDown) {
      // stopped by the hook itself
    }
  }
}
