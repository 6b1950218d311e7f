package org.marketflow.api.marketdata.ohlc;

import static org.marketflow.api.common.QueryParameters.given;

import org.marketflow.api.error.InvalidParameterException;

/**
 * The {@code fill} parameter: what to answer for an interval without a bar (the jobs write no bar
 * for an interval without trades).
 */
public enum GapFill {
  /** Leave the interval out (the default). */
  NONE,
  /**
   * A bar marked {@code filled}, open = high = low = close = the close of the instrument's bar
   * before it, volume 0, trades 0, no VWAP and no trade times; only between two stored bars of the
   * instrument, never before its first or after its last.
   */
  PREVIOUS;

  public String code() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  public static GapFill parse(String parameter, String raw) {
    if (given(raw) == null) {
      return NONE;
    }
    return switch (raw) {
      case "none" -> NONE;
      case "previous" -> PREVIOUS;
      default -> throw new InvalidParameterException(parameter, raw, "must be none or previous");
    };
  }
}
