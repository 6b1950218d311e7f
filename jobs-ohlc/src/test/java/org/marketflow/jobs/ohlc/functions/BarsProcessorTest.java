package org.marketflow.jobs.ohlc.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.marketflow.testing.data.Trades.MINUTE_US;
import static org.marketflow.testing.data.Trades.btc;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.marketflow.schemas.avro.OhlcBar;
import org.marketflow.schemas.avro.Side;
import org.marketflow.schemas.avro.Trade;
import org.marketflow.schemas.bars.BarInterval;
import org.marketflow.testing.data.Trades;

/**
 * The two bar stages (partial bars before the shuffle, every interval after it), driven record by
 * record and watermark by watermark.
 */
class BarsProcessorTest {

  private static final long MINUTE_MS = MINUTE_US / 1_000;
  private static final long LATENESS_MS = 60_000;
  private static final String BTC = "BINANCE:BTCUSDT";

  private TwoStageBars harness;
  private long offset;

  @AfterEach
  void closeHarness() throws Exception {
    if (harness != null) {
      harness.close();
    }
  }

  private void open(BarInterval... intervals) throws Exception {
    harness = new TwoStageBars(LATENESS_MS, intervals);
    harness.open();
  }

  private void trade(Trade trade) throws Exception {
    harness.processElement(trade, offset++);
  }

  private List<OhlcBar> bars() {
    return harness.takeBars();
  }

  @Test
  void emitsTheBarWhenTheWatermarkPassesItsEnd() throws Exception {
    open(BarInterval.M1);
    trade(btc(10, 1, 100.0, 1.0));
    trade(sell(btc(20, 2, 110.0, 2.0)));
    trade(btc(50, 3, 105.0, 1.0));
    harness.processWatermark(MINUTE_MS + 59_998);
    assertThat(bars()).isEmpty();

    harness.processWatermark(MINUTE_MS + 59_999);

    assertThat(bars())
        .containsExactly(
            OhlcBar.newBuilder()
                .setInstrument("BINANCE:BTCUSDT")
                .setInterval("1m")
                .setBucketStartUs(MINUTE_US)
                .setOpen(100.0)
                .setHigh(110.0)
                .setLow(100.0)
                .setClose(105.0)
                .setVolume(4.0)
                .setQuoteVolume(100.0 + 220.0 + 105.0)
                .setTradeCount(3)
                .setVwap((100.0 + 220.0 + 105.0) / 4.0)
                .setFirstTradeTimeUs(MINUTE_US + 10_000_000)
                .setLastTradeTimeUs(MINUTE_US + 50_000_000)
                .setRevision(0)
                .setBuyVolume(2.0)
                .setSellVolume(2.0)
                .setBuyTradeCount(2)
                .setSellTradeCount(1)
                .setIsFinal(false)
                .build());
  }

  @Test
  void emitsEveryIntervalFromOneTradeAtTheEndOfEachBar() throws Exception {
    open(BarInterval.values());
    trade(btc(10, 1, 100.0, 1.0));
    harness.processWatermark(MINUTE_MS + 10_999); // the 1s bar's end
    assertThat(bars()).extracting(OhlcBar::getInterval).containsExactly("1s");
    harness.processWatermark(Long.MAX_VALUE - 1);
    List<OhlcBar> bars = bars();
    assertThat(bars)
        .extracting(OhlcBar::getInterval, OhlcBar::getRevision, OhlcBar::getIsFinal)
        .containsExactly(
            tuple("1s", 1, true),
            tuple("1m", 0, true),
            tuple("5m", 0, true),
            tuple("15m", 0, true),
            tuple("1h", 0, true),
            tuple("4h", 0, true),
            tuple("1d", 0, true));
    assertThat(bars).allSatisfy(bar -> assertThat(bar.getClose()).isEqualTo(100.0));
    assertThat(bars.get(6).getBucketStartUs()).isEqualTo(BarInterval.D1.bucketStartUs(MINUTE_US));
  }

  @Test
  void aLateTradeRevisesItsBarOfEveryIntervalThatHasBeenEmitted() throws Exception {
    open(BarInterval.S1, BarInterval.M1, BarInterval.M15);
    trade(btc(30, 30, 200.0, 1.0));
    harness.processWatermark(MINUTE_MS + 70_000);
    assertThat(bars())
        .extracting(OhlcBar::getInterval, OhlcBar::getRevision)
        .containsExactly(tuple("1s", 0), tuple("1m", 0));

    trade(btc(45, 5, 150.0, 1.0)); // late for its 1s and 1m bars, within the allowed minute
    assertThat(bars()).isEmpty(); // its partial bar waits for the next watermark

    harness.processWatermark(MINUTE_MS + 70_001);

    assertThat(bars())
        .extracting(
            OhlcBar::getInterval,
            OhlcBar::getRevision,
            OhlcBar::getOpen,
            OhlcBar::getClose,
            OhlcBar::getTradeCount,
            OhlcBar::getIsFinal)
        .containsExactly(
            tuple("1s", 0, 150.0, 150.0, 1L, false), // a bar of its own, emitted at once
            tuple("1m", 1, 200.0, 150.0, 2L, false));
    // The 15m bar is still open: the trade is in it, and it is not emitted before its end.
    harness.processWatermark(MINUTE_MS + 240_000 - 1);
    assertThat(bars())
        .extracting(OhlcBar::getInterval, OhlcBar::getRevision, OhlcBar::getIsFinal)
        .containsExactly(tuple("1s", 1, true), tuple("1s", 1, true), tuple("1m", 2, true));
  }

  @Test
  void marksTheLastRevisionFinalAndClearsTheStateAfterTheAllowedLateness() throws Exception {
    open(BarInterval.M1);
    trade(btc(30, 30, 200.0, 1.0));
    harness.processWatermark(MINUTE_MS + 59_999);
    assertThat(bars())
        .extracting(OhlcBar::getRevision, OhlcBar::getIsFinal)
        .containsExactly(tuple(0, false));
    assertThat(harness.bars.numKeyedStateEntries()).isEqualTo(1);
    assertThat(harness.bars.numEventTimeTimers()).isEqualTo(1);

    harness.processWatermark(MINUTE_MS + 59_999 + LATENESS_MS - 1);
    assertThat(bars()).isEmpty();
    harness.processWatermark(MINUTE_MS + 59_999 + LATENESS_MS);

    assertThat(bars())
        .extracting(OhlcBar::getRevision, OhlcBar::getIsFinal, OhlcBar::getClose)
        .containsExactly(tuple(1, true, 200.0));
    assertThat(harness.bars.numKeyedStateEntries()).isZero();
    assertThat(harness.bars.numEventTimeTimers()).isZero();
  }

  @Test
  void sendsATradeTooLateForTheSmallestIntervalToTheSideOutputAndCountsItInNone() throws Exception {
    open(BarInterval.S1, BarInterval.M1);
    trade(btc(30, 30, 200.0, 1.0));
    harness.processWatermark(MINUTE_MS + 5_999 + LATENESS_MS); // the 1s bar at 5 s is final
    bars();

    Trade tooLate = btc(5, 5, 1.0, 1.0); // its 1m bar is still open, its 1s bar is not
    trade(tooLate);

    assertThat(harness.sideOutput(PartialBars.LATE))
        .extracting(late -> late.getValue().value, late -> late.getValue().offset)
        .containsExactly(tuple(tooLate, 1L));
    assertThat(bars()).isEmpty();
    harness.processWatermark(Long.MAX_VALUE - 1);
    assertThat(bars())
        .filteredOn(bar -> bar.getInterval().equals("1m"))
        .extracting(OhlcBar::getTradeCount, OhlcBar::getLow)
        .containsExactly(tuple(1L, 200.0));
  }

  @Test
  void dropsATradeWhoseIdIsAlreadyInItsBar() throws Exception {
    open(BarInterval.S1, BarInterval.M1);
    Trade first = btc(30, 30, 200.0, 1.0);
    trade(first);
    Trade repeated = btc(30, 30, 200.0, 1.0);
    trade(repeated);
    Trade noId = btc(30, 31, 201.0, 1.0);
    noId.setTradeId(null); // its sequence is its id
    trade(noId);
    Trade noIdRepeated = Trade.newBuilder(noId).build();
    trade(noIdRepeated);

    assertThat(harness.sideOutput(PartialBars.DUPLICATES))
        .extracting(duplicate -> duplicate.getValue().offset)
        .containsExactly(1L, 3L);
    harness.processWatermark(Long.MAX_VALUE - 1);
    assertThat(bars())
        .extracting(OhlcBar::getInterval, OhlcBar::getTradeCount, OhlcBar::getVolume)
        .containsExactly(tuple("1s", 2L, 2.0), tuple("1m", 2L, 2.0));
  }

  @Test
  void keepsOneTimerPerInstrumentWhateverItsOpenBars() throws Exception {
    open(BarInterval.values());
    for (int second = 0; second < 120; second += 7) {
      trade(btc(second, second, 100.0 + second, 1.0));
      harness.processWatermark(MINUTE_MS + second * 1_000L);
      assertThat(harness.bars.numEventTimeTimers()).isEqualTo(1);
    }
    trade(sell(Trades.trade("BINANCE:ETHUSDT", MINUTE_US + 200_000_000, 1, 3_000.0, 1.0)));
    harness.processWatermark(MINUTE_MS + 120_000); // sends the partial bar
    assertThat(harness.bars.numEventTimeTimers()).isEqualTo(2);
  }

  @Test
  void finalBarsDoNotDependOnTheStepsTheWatermarkTakes() throws Exception {
    List<Trade> trades = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      // Every third trade 20 s behind: late for its short bars, within the allowed minute.
      long ms = i * 1_500L - (i % 3 == 0 ? 20_000 : 0);
      Trade trade = Trades.trade(BTC, MINUTE_US + ms * 1_000, i, 100.0 + i % 17, 0.5 + i % 2);
      trades.add(i % 2 == 0 ? trade : sell(trade));
    }
    List<OhlcBar> stepByStep = finalBars(trades, true);
    List<OhlcBar> atTheEnd = finalBars(trades, false);
    assertThat(stepByStep).isEqualTo(atTheEnd).hasSizeGreaterThan(200);
  }

  @Test
  void restoresFromASnapshotAndGoesOnAsIfUninterrupted() throws Exception {
    List<Trade> trades = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      trades.add(btc(i * 3L, i, 100.0 + i % 5, 1.0));
    }
    List<OhlcBar> uninterrupted = finalBars(trades, true);

    harness = new TwoStageBars(LATENESS_MS, BarInterval.S1, BarInterval.M1, BarInterval.H1);
    harness.open();
    for (Trade t : trades.subList(0, 50)) {
      trade(t);
      harness.processWatermark(t.getExchangeTimeUs() / 1_000 - 1);
    }
    TwoStageBars.Snapshot snapshot = harness.snapshot(1);
    List<OhlcBar> out = new ArrayList<>(bars());
    harness.close();
    harness = new TwoStageBars(LATENESS_MS, BarInterval.S1, BarInterval.M1, BarInterval.H1);
    harness.initializeState(snapshot);
    harness.open();
    assertThat(harness.bars.numEventTimeTimers()).isEqualTo(1);
    for (Trade t : trades.subList(50, 100)) {
      trade(t);
      harness.processWatermark(t.getExchangeTimeUs() / 1_000 - 1);
    }
    harness.processWatermark(Long.MAX_VALUE - 1);
    out.addAll(bars());

    assertThat(finalOnes(out)).isEqualTo(uninterrupted).hasSizeGreaterThan(100);
  }

  private List<OhlcBar> finalBars(List<Trade> trades, boolean watermarkAfterEach) throws Exception {
    try (var h = new TwoStageBars(LATENESS_MS, BarInterval.S1, BarInterval.M1, BarInterval.H1)) {
      h.open();
      long maxMs = Long.MIN_VALUE;
      long at = 0;
      for (Trade t : trades) {
        long ms = t.getExchangeTimeUs() / 1_000;
        h.processElement(t, at++);
        maxMs = Math.max(maxMs, ms);
        if (watermarkAfterEach) {
          h.processWatermark(maxMs - 5_000);
        }
      }
      h.processWatermark(Long.MAX_VALUE - 1);
      return finalOnes(h.takeBars());
    }
  }

  /** The final bars, revisions aside, in a fixed order. */
  private static List<OhlcBar> finalOnes(List<OhlcBar> bars) {
    return bars.stream()
        .filter(OhlcBar::getIsFinal)
        .map(bar -> OhlcBar.newBuilder(bar).setRevision(0).build())
        .sorted(
            Comparator.comparing(OhlcBar::getInterval).thenComparingLong(OhlcBar::getBucketStartUs))
        .toList();
  }

  private static Trade sell(Trade trade) {
    trade.setSide(Side.SELL);
    return trade;
  }
}
