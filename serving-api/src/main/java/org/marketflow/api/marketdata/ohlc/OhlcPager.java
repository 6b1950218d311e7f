package org.marketflow.api.marketdata.ohlc;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Cuts one page of bars, gap-filled or not, from the stored bars read after a position, and the
 * cursor of the next page. The caller reads {@code limit + 1} stored bars: one more than a page
 * tells whether another page exists.
 *
 * <p>The limit counts every bar answered, filled ones included, so a page stays bounded whatever
 * the gaps (a day without trades is 86,400 filled 1s bars). Fills are generated only up to the
 * page's end: a page may end inside a gap, and its cursor (the last bar, filled or not, and its
 * close) lets the next page continue the same gap.
 *
 * <p>Forward (a query with {@code startTime}): a gap after bar b is filled with b's close, and the
 * gap between the cursor and the page's first stored bar with the cursor's close. Backward (the
 * latest bars, pages going back in time): the page is built newest first; the gap between the
 * cursor and the newest stored bar of the page, and every gap after a stored bar, is filled with
 * that bar's close; the extra (oldest) stored bar serves as the source of the last gap's fill but
 * is not answered.
 */
final class OhlcPager {

  /** The bars of a page in ascending time order, and the next page's cursor or {@code null}. */
  record Page(List<OhlcResponse.Bar> bars, OhlcCursor next) {}

  private OhlcPager() {}

  /**
   * @param rows stored bars after the position, ascending, up to {@code limit + 1}
   * @param from the cursor the page continues after, or {@code null}
   * @param fill whether to fill gaps (a single instrument only)
   */
  static Page forward(
      List<StoredOhlcBar> rows, OhlcCursor from, long intervalSeconds, boolean fill, int limit) {
    List<OhlcResponse.Bar> bars = new ArrayList<>(limit + 1);
    Instant previousStart = from != null && from.close() != null ? from.bucketStart() : null;
    double previousClose = from != null && from.close() != null ? from.close() : 0;
    for (StoredOhlcBar row : rows) {
      if (fill && previousStart != null) {
        for (Instant t = previousStart.plusSeconds(intervalSeconds);
            t.isBefore(row.bucketStart()) && bars.size() <= limit;
            t = t.plusSeconds(intervalSeconds)) {
          bars.add(OhlcResponse.Bar.filled(row.instrument(), row.interval(), t, previousClose));
        }
      }
      if (bars.size() > limit) {
        break;
      }
      bars.add(OhlcResponse.Bar.of(row));
      previousStart = row.bucketStart();
      previousClose = row.close();
    }
    return cut(bars, limit, true, fill);
  }

  /**
   * @param rows stored bars before the position, newest first, up to {@code limit + 1}
   * @param until the cursor the page continues before, or {@code null}
   */
  static Page backward(
      List<StoredOhlcBar> rows, OhlcCursor until, long intervalSeconds, boolean fill, int limit) {
    List<OhlcResponse.Bar> bars = new ArrayList<>(limit + 1);
    Instant laterStart = until != null ? until.bucketStart() : null;
    for (StoredOhlcBar row : rows) {
      if (fill && laterStart != null) {
        for (Instant t = laterStart.minusSeconds(intervalSeconds);
            t.isAfter(row.bucketStart()) && bars.size() <= limit;
            t = t.minusSeconds(intervalSeconds)) {
          bars.add(OhlcResponse.Bar.filled(row.instrument(), row.interval(), t, row.close()));
        }
      }
      if (bars.size() > limit) {
        break;
      }
      bars.add(OhlcResponse.Bar.of(row));
      laterStart = row.bucketStart();
    }
    Page newestFirst = cut(bars, limit, false, fill);
    List<OhlcResponse.Bar> ascending = new ArrayList<>(newestFirst.bars());
    Collections.reverse(ascending);
    return new Page(ascending, newestFirst.next());
  }

  /** The first {@code limit} bars, and a cursor at the last of them when more follow. */
  private static Page cut(List<OhlcResponse.Bar> bars, int limit, boolean forward, boolean fill) {
    if (bars.size() <= limit) {
      return new Page(bars, null);
    }
    List<OhlcResponse.Bar> page = List.copyOf(bars.subList(0, limit));
    OhlcResponse.Bar last = page.get(limit - 1);
    return new Page(
        page,
        new OhlcCursor(forward, last.timestamp(), last.instrument(), fill ? last.close() : null));
  }
}
