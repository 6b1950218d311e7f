package org.marketflow.jobs.microstructure.functions;

import org.marketflow.jobs.microstructure.records.DecodedBookUpdate;

/**
 * Whether a delta follows the book, by the feed handlers' rules (docs/venues): the first delta
 * after a snapshot may overlap it (Binance: first ≤ snapshot's last + 1 ≤ last, futures first ≤
 * snapshot's last ≤ last); then a previous sequence, when sent (Binance futures' pu, Pariflow),
 * must be the book's last, else a first sequence (Binance spot's U, Coinbase) must be the book's
 * last + 1. A venue without sequences (Kraken) is not checked here: its handler checks the checksum
 * and says CHECKSUM_MISMATCH.
 */
final class Continuity {

  /** What {@link #check} says of a delta the book already holds. */
  static final String REPEATED = "repeated";

  private Continuity() {}

  /**
   * Why {@code delta} does not follow a book whose last sequence is {@code last}, {@link #REPEATED}
   * for one the book already holds, or {@code null} when it follows.
   *
   * @param last the book's last sequence, {@code null} when the venue sends none
   * @param awaitingFirstDelta the book has had no delta since its snapshot
   */
  static String check(Long last, boolean awaitingFirstDelta, DecodedBookUpdate delta) {
    if (last == null) {
      return null;
    }
    Long first = delta.firstSequence();
    Long through = delta.lastSequence();
    Long previous = delta.previousSequence();
    if (through != null && (awaitingFirstDelta ? through < last : through <= last)) {
      return REPEATED; // futures' first delta may end at the snapshot's last
    }
    if (awaitingFirstDelta) {
      if (first != null) {
        return first <= last + 1
            ? null
            : "the first delta after the snapshot starts at "
                + first
                + ", after the snapshot's "
                + last
                + " + 1";
      }
      if (previous != null && previous != (long) last) {
        return "expected previous sequence " + last + ", received " + previous;
      }
      return null;
    }
    if (previous != null) {
      return previous == (long) last
          ? null
          : "expected previous sequence " + last + ", received " + previous;
    }
    if (first != null) {
      return first == last + 1
          ? null
          : "expected first sequence " + (last + 1) + ", received " + first;
    }
    return null;
  }
}
