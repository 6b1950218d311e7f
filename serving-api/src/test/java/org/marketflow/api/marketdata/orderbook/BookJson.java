package org.marketflow.api.marketdata.orderbook;

import java.time.Instant;
import org.marketflow.api.common.Times;

/**
 * {@code OrderBookSnapshot}s as jobs-microstructure writes them to {@code market:book:{id}}
 * (RecordJson: the Avro fields by name, levels best first). Level i of the bids is at 100 − i (size
 * i + 1), of the asks at 100.5 + i (size 2i + 1); every third level has no order count.
 */
final class BookJson {

  private BookJson() {}

  static String snapshot(String instrument, Instant time, int levels) {
    StringBuilder json = new StringBuilder();
    json.append("{\"instrument\":\"").append(instrument).append("\",");
    json.append("\"snapshotTimeUs\":").append(Times.micros(time)).append(',');
    json.append("\"reason\":\"INTERVAL\",\"lastUpdateTimeUs\":").append(Times.micros(time));
    json.append(",\"lastSequence\":null,\"depthLevels\":").append(levels);
    json.append(",\"bookBidLevels\":").append(levels + 10);
    json.append(",\"bookAskLevels\":").append(levels + 20);
    json.append(",\"bids\":").append(side(levels, true));
    json.append(",\"asks\":").append(side(levels, false));
    return json.append(",\"checksum\":12345}").toString();
  }

  static double bidPrice(int i) {
    return 100 - i;
  }

  static double askPrice(int i) {
    return 100.5 + i;
  }

  private static String side(int levels, boolean bids) {
    StringBuilder json = new StringBuilder("[");
    for (int i = 0; i < levels; i++) {
      if (i > 0) {
        json.append(',');
      }
      json.append("{\"price\":").append(bids ? bidPrice(i) : askPrice(i));
      json.append(",\"size\":").append(bids ? i + 1.0 : 2 * i + 1.0);
      json.append(",\"orderCount\":").append(i % 3 == 2 ? "null" : Integer.toString(i + 1));
      json.append('}');
    }
    return json.append(']').toString();
  }
}
