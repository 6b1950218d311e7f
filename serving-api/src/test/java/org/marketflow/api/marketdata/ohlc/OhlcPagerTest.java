package org.marketflow.api.marketdata.ohlc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Gap filling and paging on a hand-computed case: 1m bars of one instrument at 10:00 (close 1.0),
 * 10:03 (close 3.0) and 10:04 (close 4.0), none at 10:01 and 10:02.
 */
class OhlcPagerTest {

  private static final String SIM = "SIM:GAP";
  private static final Instant T0 = Instant.parse("2024-08-08T10:00:00Z");
  private static final List<StoredOhlcBar> ASCENDING =
      List.of(bar(0, 1.0), bar(3, 3.0), bar(4, 4.0));

  private static StoredOhlcBar bar(int minute, double close) {
    Instant start = at(minute);
    return new StoredOhlcBar(
        SIM,
        "1m",
        start,
        close - 0.5,
        close + 1,
        close - 1,
        close,
        2,
        2 * close,
        3,
        close,
        start,
        start.plusSeconds(59),
        0);
  }

  private static Instant at(int minute) {
    return T0.plusSeconds(60L * minute);
  }

  private static List<StoredOhlcBar> descending() {
    List<StoredOhlcBar> rows = new ArrayList<>(ASCENDING);
    Collections.reverse(rows);
    return rows;
  }

  /** "10:01 filled 1.0"-style lines: time, filled or not, close. */
  private static List<String> describe(List<OhlcResponse.Bar> bars) {
    return bars.stream()
        .map(
            b ->
                b.timestamp().toString().substring(11, 16)
                    + (b.filled() ? " filled " : " stored ")
                    + b.close())
        .toList();
  }

  @Test
  void fillsEachEmptyMinuteWithThePreviousCloseAndNothingElse() {
    OhlcPager.Page page = OhlcPager.forward(ASCENDING, null, 60, true, 100);

    assertThat(describe(page.bars()))
        .containsExactly(
            "10:00 stored 1.0",
            "10:01 filled 1.0",
            "10:02 filled 1.0",
            "10:03 stored 3.0",
            "10:04 stored 4.0");
    assertThat(page.next()).isNull();
    OhlcResponse.Bar filled = page.bars().get(1);
    assertThat(List.of(filled.open(), filled.high(), filled.low(), filled.close()))
        .containsOnly(1.0);
    assertThat(filled.volume()).isZero();
    assertThat(filled.quoteVolume()).isZero();
    assertThat(filled.trades()).isZero();
    assertThat(filled.vwap()).isNull();
    assertThat(filled.firstTradeTime()).isNull();
    assertThat(filled.lastTradeTime()).isNull();
    assertThat(filled.instrument()).isEqualTo(SIM);
    assertThat(filled.interval()).isEqualTo("1m");
  }

  @Test
  void withoutFillTheGapStaysEmpty() {
    OhlcPager.Page page = OhlcPager.forward(ASCENDING, null, 60, false, 100);

    assertThat(describe(page.bars()))
        .containsExactly("10:00 stored 1.0", "10:03 stored 3.0", "10:04 stored 4.0");
  }

  @Test
  void filledBarsCountInTheLimitAndTheNextPageContinuesInsideTheGap() {
    OhlcPager.Page first = OhlcPager.forward(ASCENDING, null, 60, true, 2);

    assertThat(describe(first.bars())).containsExactly("10:00 stored 1.0", "10:01 filled 1.0");
    assertThat(first.next()).isEqualTo(new OhlcCursor(true, at(1), SIM, 1.0));

    // The next page reads the stored bars after 10:01 and fills from the cursor's close.
    OhlcPager.Page second = OhlcPager.forward(ASCENDING.subList(1, 3), first.next(), 60, true, 2);

    assertThat(describe(second.bars())).containsExactly("10:02 filled 1.0", "10:03 stored 3.0");
    OhlcPager.Page third = OhlcPager.forward(ASCENDING.subList(2, 3), second.next(), 60, true, 2);
    assertThat(describe(third.bars())).containsExactly("10:04 stored 4.0");
    assertThat(third.next()).isNull();
  }

  @Test
  void latestBarsAreFilledBackwardsAndAnsweredOldestFirst() {
    OhlcPager.Page latest = OhlcPager.backward(descending(), null, 60, true, 3);

    assertThat(describe(latest.bars()))
        .containsExactly("10:02 filled 1.0", "10:03 stored 3.0", "10:04 stored 4.0");
    assertThat(latest.next()).isNotNull();
    assertThat(latest.next().forward()).isFalse();
    assertThat(latest.next().bucketStart()).isEqualTo(at(2));

    // The previous page: stored bars before 10:02, the gap up to it filled with their close.
    OhlcPager.Page earlier = OhlcPager.backward(List.of(bar(0, 1.0)), latest.next(), 60, true, 3);
    assertThat(describe(earlier.bars())).containsExactly("10:00 stored 1.0", "10:01 filled 1.0");
    assertThat(earlier.next()).isNull();
  }

  @Test
  void aLongGapNeverMakesAPageLongerThanTheLimit() {
    List<StoredOhlcBar> rows = List.of(bar(0, 1.0), bar(100_000, 2.0));

    OhlcPager.Page page = OhlcPager.forward(rows, null, 60, true, 1_000);

    assertThat(page.bars()).hasSize(1_000);
    assertThat(page.next().bucketStart()).isEqualTo(at(999));
  }

  @Test
  void aStoredPageOneLongerThanTheLimitHasACursorAtItsLastBar() {
    OhlcPager.Page page = OhlcPager.forward(ASCENDING, null, 60, false, 2);

    assertThat(describe(page.bars())).containsExactly("10:00 stored 1.0", "10:03 stored 3.0");
    assertThat(page.next()).isEqualTo(new OhlcCursor(true, at(3), SIM, null));
  }
}
