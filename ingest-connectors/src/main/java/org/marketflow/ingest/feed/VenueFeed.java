package org.marketflow.ingest.feed;

/**
 * One venue's messages in, normalized records out (to the {@link FeedOutput} it was made with):
 * parses each message, keeps every instrument's book in sync by the venue's own rules, drops
 * repeated trades, and turns what it cannot use into dead letters. Never throws on bad input. Not
 * thread-safe: one connection or one recording feeds it.
 */
public interface VenueFeed {

  /**
   * {@code symbol} (the venue's own) is subscribed: it gets the connection's statuses, and its
   * silence counts, before its first message.
   */
  default void expect(String symbol, long sinceUs) {}

  /** A message from the venue's WebSocket (live or recorded). */
  void onMessage(RawMessage message);

  /**
   * A REST book snapshot of {@code symbol} (Binance's depth endpoint). Venues that send snapshots
   * in-band ignore it.
   */
  default void onRestSnapshot(String symbol, RawMessage body) {}

  /** The connection is up (and subscribed): {@code CONNECTED} for each instrument. */
  void connected(long atUs);

  /**
   * The connection is gone: {@code DISCONNECTED} for each instrument, and every book is unsynced
   * until its next snapshot.
   */
  void disconnected(long atUs, String reason);

  /**
   * {@code STALE} for each instrument that has sent nothing for {@code silenceUs} up to {@code
   * nowUs}, once per silence.
   */
  void checkStale(long nowUs, long silenceUs);
}
