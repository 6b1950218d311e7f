package org.marketflow.ingest.pariflow;

import java.util.List;
import org.marketflow.schemas.avro.BookLevel;
import org.marketflow.schemas.avro.BookUpdateKind;
import org.marketflow.schemas.avro.Trade;

/** What one engine message turned out to be. None of them holds a user id. */
public sealed interface PariflowMessage {

  /** A trade, normalized; the engine's user ids are not read. */
  record TradeMessage(Trade trade) implements PariflowMessage {}

  /**
   * A snapshot or delta of one outcome side's book.
   *
   * @param instrument {@code PARIFLOW:<eventId>:<outcomeId>:<YES|NO>}
   * @param book the engine's book key {@code <eventId>:<outcomeId>:<YES|NO>}, what a resync asks
   *     for
   * @param sequence the book's change number: a delta's is the previous message's plus one
   * @param timeUs the engine's time of the change, epoch microseconds
   * @param bids levels with their order counts; in a delta, an amount of 0 removes the level
   */
  record BookChange(
      String instrument,
      String book,
      BookUpdateKind kind,
      long sequence,
      long timeUs,
      List<BookLevel> bids,
      List<BookLevel> asks)
      implements PariflowMessage {

    public String type() {
      return kind == BookUpdateKind.SNAPSHOT ? "snapshot" : "delta";
    }
  }

  /**
   * A message that cannot be used, and why. The reason never quotes a value of a field the engine
   * format does not publish (user ids among them).
   */
  record Malformed(String reason) implements PariflowMessage {}
}
