package org.marketflow.jobs.microstructure.functions;

import java.util.ArrayList;
import java.util.List;
import org.marketflow.jobs.microstructure.records.InstrumentEvent;
import org.marketflow.schemas.avro.BookLevel;
import org.marketflow.schemas.avro.BookUpdate;
import org.marketflow.schemas.avro.BookUpdateKind;
import org.marketflow.schemas.avro.FeedState;
import org.marketflow.schemas.avro.FeedStatus;
import org.marketflow.schemas.avro.Side;
import org.marketflow.schemas.avro.Trade;

/** Book updates, trades and statuses for the operators' tests, received 500 µs after their time. */
final class Events {

  static final String BTC = "BINANCE:BTCUSDT";

  /** 2024-08-08 00:00:00 UTC, epoch µs: a day's, a minute's and a second's start. */
  static final long T0 = 1_723_075_200_000_000L;

  static final long LATENCY_US = 500;

  private static long offset;

  private Events() {}

  /** {@code T0} plus {@code ms} milliseconds, in µs. */
  static long at(long ms) {
    return T0 + ms * 1_000L;
  }

  /** {@code T0} plus {@code ms} milliseconds, in ms: a watermark or a record timestamp. */
  static long ms(long ms) {
    return T0 / 1_000L + ms;
  }

  /** Levels from price, size pairs. */
  static List<BookLevel> levels(double... priceSize) {
    List<BookLevel> levels = new ArrayList<>();
    for (int i = 0; i < priceSize.length; i += 2) {
      levels.add(new BookLevel(priceSize[i], priceSize[i + 1], null));
    }
    return levels;
  }

  static InstrumentEvent snapshot(
      long timeUs, Long last, List<BookLevel> bids, List<BookLevel> asks) {
    return book(BookUpdateKind.SNAPSHOT, BTC, timeUs, null, last, null, bids, asks);
  }

  /** A spot delta: first and last sequence. */
  static InstrumentEvent delta(
      long timeUs, long first, long last, List<BookLevel> bids, List<BookLevel> asks) {
    return book(BookUpdateKind.DELTA, BTC, timeUs, first, last, null, bids, asks);
  }

  static InstrumentEvent book(
      BookUpdateKind kind,
      String instrument,
      long timeUs,
      Long first,
      Long last,
      Long previous,
      List<BookLevel> bids,
      List<BookLevel> asks) {
    return InstrumentEvent.of(
        BookUpdate.newBuilder()
            .setInstrument(instrument)
            .setExchangeTimeUs(timeUs)
            .setReceiveTimeUs(timeUs + LATENCY_US)
            .setKind(kind)
            .setFirstSequence(first)
            .setLastSequence(last)
            .setPreviousSequence(previous)
            .setBids(bids)
            .setAsks(asks)
            .build(),
        0,
        offset++);
  }

  static InstrumentEvent trade(long timeUs, long sequence, double price, double size, Side side) {
    return trade(BTC, timeUs, sequence, price, size, side);
  }

  static InstrumentEvent trade(
      String instrument, long timeUs, long sequence, double price, double size, Side side) {
    return InstrumentEvent.of(
        Trade.newBuilder()
            .setInstrument(instrument)
            .setExchangeTimeUs(timeUs)
            .setReceiveTimeUs(timeUs + LATENCY_US)
            .setSequence(sequence)
            .setTradeId(Long.toString(sequence))
            .setPrice(price)
            .setSize(size)
            .setSide(side)
            .build(),
        0,
        offset++);
  }

  static InstrumentEvent status(long timeUs, FeedState state) {
    return InstrumentEvent.of(
        FeedStatus.newBuilder()
            .setInstrument(BTC)
            .setEventTimeUs(timeUs)
            .setReceiveTimeUs(timeUs + LATENCY_US)
            .setState(state)
            .build(),
        0,
        offset++);
  }
}
