package org.marketflow.api.marketdata.ohlc;

import java.time.Instant;
import java.util.List;
import org.marketflow.api.common.OpaqueCursor;
import org.marketflow.api.common.Times;
import org.marketflow.api.error.InvalidParameterException;

/**
 * Where the next page of bars starts: the {@code (bucket_start, instrument)} of the page's last bar
 * in its reading direction, that direction, and the bar's close (for gap filling across pages;
 * {@code null} when the page was not filled).
 *
 * @param forward true for a query with {@code startTime} (pages go forward in time), false for the
 *     latest bars (pages go back in time)
 */
public record OhlcCursor(boolean forward, Instant bucketStart, String instrument, Double close) {

  private static final String KIND = "ohlc.v1";

  public String encode() {
    return OpaqueCursor.encode(
        KIND,
        List.of(
            forward ? "f" : "b",
            Long.toString(Times.micros(bucketStart)),
            instrument,
            close == null ? "" : Long.toHexString(Double.doubleToLongBits(close))));
  }

  /**
   * @throws InvalidParameterException naming {@code parameter} when {@code raw} is not an OHLC
   *     cursor
   */
  public static OhlcCursor decode(String parameter, String raw) {
    List<String> fields = OpaqueCursor.decode(parameter, raw, KIND, 4);
    String direction = fields.get(0);
    if (!direction.equals("f") && !direction.equals("b")) {
      throw new InvalidParameterException(parameter, raw, OpaqueCursor.REASON);
    }
    Instant start = OpaqueCursor.timeField(parameter, raw, fields.get(1));
    Double close = null;
    if (!fields.get(3).isEmpty()) {
      try {
        // The close's exact bits: a filled bar repeats it unchanged.
        close = Double.longBitsToDouble(Long.parseUnsignedLong(fields.get(3), 16));
      } catch (NumberFormatException e) {
        throw new InvalidParameterException(parameter, raw, OpaqueCursor.REASON);
      }
      if (!Double.isFinite(close)) {
        throw new InvalidParameterException(parameter, raw, OpaqueCursor.REASON);
      }
    }
    return new OhlcCursor(direction.equals("f"), start, fields.get(2), close);
  }
}
