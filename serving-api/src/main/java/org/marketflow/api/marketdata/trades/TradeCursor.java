package org.marketflow.api.marketdata.trades;

import java.time.Instant;
import java.util.List;
import org.marketflow.api.common.OpaqueCursor;
import org.marketflow.api.common.Times;
import org.marketflow.api.error.InvalidParameterException;

/**
 * The position after which the next page of trades starts: the sort key of the last trade answered
 * ({@code exchange_time}, {@code instrument}, {@code trade_id}) and the sort it was answered in. A
 * page from a cursor reads the trades strictly after that key in that order, an index range scan
 * whatever the depth (an {@code OFFSET} reads and drops every row before it).
 */
public record TradeCursor(SortOrder sort, Instant time, String instrument, String tradeId) {

  private static final String KIND = "trades.v1";

  public String encode() {
    return OpaqueCursor.encode(
        KIND, List.of(sort.code(), Long.toString(Times.micros(time)), instrument, tradeId));
  }

  /**
   * @throws InvalidParameterException naming {@code parameter} when {@code raw} is not a trades
   *     cursor
   */
  public static TradeCursor decode(String parameter, String raw) {
    List<String> fields = OpaqueCursor.decode(parameter, raw, KIND, 4);
    SortOrder sort;
    try {
      sort = SortOrder.parse(parameter, fields.get(0));
    } catch (InvalidParameterException e) {
      throw new InvalidParameterException(parameter, raw, OpaqueCursor.REASON);
    }
    Instant time = OpaqueCursor.timeField(parameter, raw, fields.get(1));
    return new TradeCursor(sort, time, fields.get(2), fields.get(3));
  }
}
