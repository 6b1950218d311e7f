package org.marketflow.ingest.pariflow;

import java.util.List;
import java.util.Objects;

/**
 * The prediction-market engine's own Kafka topics, which the engine writes JSON to and {@link
 * PariflowBridge} reads (see {@code docs/venues/pariflow.md} for their messages).
 *
 * @param trades the topic of engine trades, one JSON trade a record
 * @param orderBook the topic of order-book changes, one JSON snapshot or delta of one outcome side
 *     a record
 */
public record PariflowTopics(String trades, String orderBook) {

  /** The engine's trades topic unless an operator names another. */
  public static final String TRADES = "pariflow.engine.trades";

  /** The engine's order-book topic unless an operator names another. */
  public static final String ORDER_BOOK = "pariflow.engine.orderbook";

  public static final PariflowTopics DEFAULT = new PariflowTopics(TRADES, ORDER_BOOK);

  public PariflowTopics {
    Objects.requireNonNull(trades, "trades");
    Objects.requireNonNull(orderBook, "orderBook");
    if (trades.isBlank() || orderBook.isBlank()) {
      throw new IllegalArgumentException("engine topic names must not be blank");
    }
    if (trades.equals(orderBook)) {
      throw new IllegalArgumentException(
          "trades and order-book changes need two topics, not one: '" + trades + "'");
    }
  }

  public List<String> all() {
    return List.of(trades, orderBook);
  }
}
