package org.marketflow.api.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.marketflow.api.live.ServerMessages.Level;
import org.marketflow.api.live.ServerMessages.OrderBookData;
import org.marketflow.api.live.ServerMessages.StatisticsData;
import org.marketflow.api.live.ServerMessages.TradeData;
import org.marketflow.api.live.ServerMessages.Update;
import org.marketflow.schemas.avro.AvroCodec;
import org.marketflow.schemas.avro.BookLevel;
import org.marketflow.schemas.avro.MarketStatistics;
import org.marketflow.schemas.avro.OrderBookSnapshot;
import org.marketflow.schemas.avro.Trade;
import org.marketflow.schemas.instrument.InstrumentId;

/**
 * Turns a topic's Avro record into the JSON text of its update message, once per record whatever
 * the number of subscribers. Holds one {@link AvroCodec} per channel, so one instance per thread
 * (the consumer's).
 */
final class UpdateMessages {

  /** A decoded record: its instrument and its update message. */
  record Decoded(String instrument, String json) {}

  private final ObjectMapper json;
  private final AvroCodec<Trade> trades = AvroCodec.of(Trade.class);
  private final AvroCodec<OrderBookSnapshot> books = AvroCodec.of(OrderBookSnapshot.class);
  private final AvroCodec<MarketStatistics> statistics = AvroCodec.of(MarketStatistics.class);

  UpdateMessages(ObjectMapper json) {
    this.json = json;
  }

  /**
   * Decodes a record of the channel's topic.
   *
   * @throws IOException when the bytes are no valid record of that topic
   */
  Decoded decode(Channel channel, byte[] value) throws IOException {
    try {
      return switch (channel) {
        case TRADES -> trade(trades.decode(value));
        case ORDERBOOK -> book(books.decode(value));
        case STATISTICS -> statistics(statistics.decode(value));
      };
    } catch (RuntimeException e) {
      // Avro reports some corrupt input as runtime exceptions (a negative length, a bad enum).
      throw new IOException("not a valid record of the " + channel.wireName() + " topic", e);
    }
  }

  Decoded trade(Trade trade) throws JsonProcessingException {
    TradeData data =
        new TradeData(
            text(trade.getTradeId()),
            trade.getSequence(),
            trade.getSide().name().toLowerCase(Locale.ROOT),
            trade.getPrice(),
            trade.getSize(),
            trade.getPrice() * trade.getSize(),
            instant(trade.getExchangeTimeUs()),
            instant(trade.getReceiveTimeUs()),
            trade.getIsAmmTrade(),
            text(trade.getOrderId()));
    return update(Channel.TRADES, trade.getInstrument().toString(), data);
  }

  Decoded book(OrderBookSnapshot book) throws JsonProcessingException {
    List<Level> bids = levels(book.getBids());
    List<Level> asks = levels(book.getAsks());
    Double spread = null;
    Double mid = null;
    if (!bids.isEmpty() && !asks.isEmpty()) {
      double bestBid = bids.get(0).price();
      double bestAsk = asks.get(0).price();
      spread = bestAsk - bestBid;
      mid = (bestBid + bestAsk) / 2;
    }
    OrderBookData data =
        new OrderBookData(
            instant(book.getSnapshotTimeUs()),
            book.getReason().name(),
            book.getLastSequence(),
            bids,
            asks,
            spread,
            mid,
            book.getBookBidLevels(),
            book.getBookAskLevels(),
            book.getChecksum());
    return update(Channel.ORDERBOOK, book.getInstrument().toString(), data);
  }

  Decoded statistics(MarketStatistics stats) throws JsonProcessingException {
    StatisticsData data =
        new StatisticsData(
            stats.getPeriod().toString(),
            instant(stats.getPeriodStartUs()),
            instant(stats.getPeriodEndUs()),
            stats.getVolume(),
            stats.getQuoteVolume(),
            stats.getTrades(),
            stats.getBuyVolume(),
            stats.getSellVolume(),
            stats.getOpen(),
            stats.getHigh(),
            stats.getLow(),
            stats.getClose(),
            stats.getVwap(),
            stats.getVolatility(),
            stats.getAnnualizedVolatility(),
            stats.getLiquidityUsd());
    return update(Channel.STATISTICS, stats.getInstrument().toString(), data);
  }

  private Decoded update(Channel channel, String instrument, Object data)
      throws JsonProcessingException {
    String eventId = null;
    String outcomeId = null;
    String option = null;
    String[] parts = instrument.split(":", -1);
    if (parts.length == 4 && InstrumentId.PARIFLOW.equals(parts[0])) {
      eventId = parts[1];
      outcomeId = parts[2];
      option = parts[3];
    }
    Update update =
        new Update(
            channel.updateType(), channel.wireName(), instrument, eventId, outcomeId, option, data);
    return new Decoded(instrument, json.writeValueAsString(update));
  }

  private static List<Level> levels(List<BookLevel> levels) {
    List<Level> out = new ArrayList<>(levels.size());
    for (BookLevel level : levels) {
      out.add(new Level(level.getPrice(), level.getSize(), level.getOrderCount()));
    }
    return out;
  }

  /** Epoch microseconds UTC as an instant, microseconds kept. */
  static Instant instant(long micros) {
    return Instant.ofEpochSecond(
        Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
  }

  private static String text(CharSequence value) {
    return value == null ? null : value.toString();
  }
}
