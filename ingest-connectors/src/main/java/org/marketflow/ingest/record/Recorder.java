package org.marketflow.ingest.record;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.marketflow.ingest.feed.RawMessage;
import org.marketflow.ingest.feed.ResyncRequests;
import org.marketflow.ingest.feed.Venue;
import org.marketflow.ingest.feed.VenueFeed;

/**
 * Records a live connection's raw messages in the hftbacktest format while its feed runs (the feed
 * keeps the books, so a gap still asks for a fresh snapshot, which is recorded too). Binance is
 * recorded as hftbacktest's collector does it: one file per symbol ({@code spot_btcusdt_*.gz},
 * {@code usdm_btcusdt_*.gz}) with the REST snapshots inline as their bodies. Coinbase and Kraken
 * send their snapshots in band, so one file holds the whole connection ({@code
 * coinbase_btc-usd+eth-usd_*.gz}). After each rotation the symbol's book is resynced, so that every
 * file starts its books from a snapshot of its own.
 */
public final class Recorder implements VenueFeed, AutoCloseable {

  private static final byte[] STREAM_FIELD = "{\"stream\":\"".getBytes(StandardCharsets.US_ASCII);

  private final VenueFeed feed;
  private final ResyncRequests resync;
  private final Path directory;
  private final long maxBytes;
  private final Duration maxAge;
  private final boolean perSymbol;
  private final String prefix;
  private final List<String> symbols;
  private final Map<String, RotatingRecording> files = new LinkedHashMap<>();

  /**
   * @param feed the venue's feed, which every message also reaches
   * @param resync where a rotated file asks for fresh snapshots (the live connection)
   * @param symbols the subscribed symbols, the venue's own
   */
  public Recorder(
      Venue venue,
      List<String> symbols,
      VenueFeed feed,
      ResyncRequests resync,
      Path directory,
      long maxBytes,
      Duration maxAge) {
    this.feed = feed;
    this.resync = resync;
    this.directory = directory;
    this.maxBytes = maxBytes;
    this.maxAge = maxAge;
    this.symbols = List.copyOf(symbols);
    this.perSymbol = venue == Venue.BINANCE_SPOT || venue == Venue.BINANCE_USDM;
    this.prefix =
        switch (venue) {
          case BINANCE_SPOT -> "spot";
          case BINANCE_USDM -> "usdm";
          default -> venue.cliName();
        };
  }

  @Override
  public void expect(String symbol, long sinceUs) {
    feed.expect(symbol, sinceUs);
  }

  @Override
  public void onMessage(RawMessage message) {
    write(perSymbol ? streamSymbol(message.bytes()) : null, message);
    feed.onMessage(message);
  }

  @Override
  public void onRestSnapshot(String symbol, RawMessage body) {
    write(symbol, body);
    feed.onRestSnapshot(symbol, body);
  }

  @Override
  public void connected(long atUs) {
    feed.connected(atUs);
  }

  @Override
  public void disconnected(long atUs, String reason) {
    feed.disconnected(atUs, reason);
  }

  @Override
  public void checkStale(long nowUs, long silenceUs) {
    feed.checkStale(nowUs, silenceUs);
  }

  /** Files begun so far, over every symbol. */
  public long files() {
    return files.values().stream().mapToLong(RotatingRecording::files).sum();
  }

  /** Lines written so far. */
  public long lines() {
    return files.values().stream().mapToLong(RotatingRecording::lines).sum();
  }

  /**
   * Writes one message to its symbol's file ({@code symbol} null: the connection's single file, or,
   * for Binance, a message of no stream); a rotation resyncs the books the new file holds.
   */
  private void write(String symbol, RawMessage message) {
    String key =
        perSymbol
            ? (symbol == null ? "UNKNOWN" : symbol.toUpperCase(Locale.ROOT))
            : String.join("+", symbols);
    RotatingRecording file =
        files.computeIfAbsent(
            key,
            k -> new RotatingRecording(directory, prefix + "_" + fileSafe(k), maxBytes, maxAge));
    try {
      if (file.write(message.receiveTimeNs(), message.bytes())) {
        if (perSymbol && symbol != null) {
          resync.request(key);
        } else if (!perSymbol) {
          symbols.forEach(resync::request);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot record to " + directory + ": " + e.getMessage(), e);
    }
  }

  /** The symbol of a Binance combined-stream message ({@code {"stream":"btcusdt@...}), or null. */
  static String streamSymbol(byte[] message) {
    if (message.length <= STREAM_FIELD.length) {
      return null;
    }
    for (int i = 0; i < STREAM_FIELD.length; i++) {
      if (message[i] != STREAM_FIELD[i]) {
        return null;
      }
    }
    for (int i = STREAM_FIELD.length; i < message.length && i < STREAM_FIELD.length + 40; i++) {
      if (message[i] == '@') {
        return new String(
                message, STREAM_FIELD.length, i - STREAM_FIELD.length, StandardCharsets.US_ASCII)
            .toUpperCase(Locale.ROOT);
      }
    }
    return null;
  }

  private static String fileSafe(String key) {
    return key.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9+.-]", "-");
  }

  @Override
  public void close() throws IOException {
    IOException first = null;
    for (RotatingRecording file : files.values()) {
      try {
        file.close();
      } catch (IOException e) {
        if (first == null) {
          first = e;
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }
}
