package org.marketflow.ingest.pariflow;

import java.util.Locale;

/** Engine JSON for tests: one event, one outcome, fixed instants. */
final class EngineMessages {

  static final String EVENT = "evt-2024-election";
  static final String OUTCOME = "out-7";
  static final String YES = "PARIFLOW:evt-2024-election:out-7:YES";
  static final String NO = "PARIFLOW:evt-2024-election:out-7:NO";
  static final String MAKER = "user-maker-5f1c";
  static final String TAKER = "user-taker-9a2e";
  static final String TIME = "2024-05-01T12:00:00.123Z";
  static final long TIME_US = 1_714_564_800_123_000L;

  private EngineMessages() {}

  static String trade(String id, String option, String price, String amount) {
    return String.format(
        Locale.ROOT,
        "{\"id\":\"%s\",\"eventId\":\"%s\",\"outcomeId\":\"%s\",\"option\":\"%s\",\"side\":\"buy\","
            + "\"price\":%s,\"amount\":%s,\"volume\":12.5,\"timestamp\":\"%s\",\"isAmmTrade\":false,"
            + "\"makerUserId\":\"%s\",\"takerUserId\":\"%s\",\"orderId\":\"ord-881\"}",
        id,
        EVENT,
        OUTCOME,
        option,
        price,
        amount,
        TIME,
        MAKER,
        TAKER);
  }

  static String trade(String id) {
    return trade(id, "YES", "0.62", "20");
  }

  /** A snapshot or delta of the YES book; levels as {@code [price, amount, orderCount]}. */
  static String book(String kind, long sequence, double[][] bids, double[][] asks) {
    return String.format(
        Locale.ROOT,
        "{\"eventId\":\"%s\",\"outcomeId\":\"%s\",\"option\":\"YES\",\"kind\":\"%s\","
            + "\"sequence\":%d,\"timestamp\":\"%s\",\"bids\":%s,\"asks\":%s}",
        EVENT,
        OUTCOME,
        kind,
        sequence,
        TIME,
        json(bids),
        json(asks));
  }

  static String snapshot(long sequence, double[][] bids, double[][] asks) {
    return book("snapshot", sequence, bids, asks);
  }

  static String delta(long sequence, double[][] bids, double[][] asks) {
    return book("delta", sequence, bids, asks);
  }

  static double[][] levels(double[]... levels) {
    return levels;
  }

  static double[] level(double price, double amount, int orders) {
    return new double[] {price, amount, orders};
  }

  private static String json(double[][] levels) {
    StringBuilder json = new StringBuilder("[");
    for (double[] level : levels) {
      if (json.length() > 1) {
        json.append(',');
      }
      json.append(
          String.format(
              Locale.ROOT,
              "{\"price\":%s,\"amount\":%s,\"orderCount\":%d}",
              level[0],
              level[1],
              (int) level[2]));
    }
    return json.append(']').toString();
  }
}
