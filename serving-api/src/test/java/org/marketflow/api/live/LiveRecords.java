package org.marketflow.api.live;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.marketflow.schemas.avro.AvroCodec;
import org.marketflow.schemas.avro.BookLevel;
import org.marketflow.schemas.avro.MarketStatistics;
import org.marketflow.schemas.avro.OrderBookSnapshot;
import org.marketflow.schemas.avro.Side;
import org.marketflow.schemas.avro.SnapshotReason;
import org.marketflow.schemas.avro.Trade;

/** Records of the three channel topics, and a producer that writes them as the jobs do. */
final class LiveRecords implements AutoCloseable {

  static final Instant T0 = Instant.parse("2024-08-08T23:55:00.123456Z");

  private final String tradesTopic;
  private final String orderbookTopic;
  private final String statisticsTopic;
  private final KafkaProducer<byte[], byte[]> producer;

  /**
   * @param coordinates the test's {@link org.marketflow.api.testing.LiveKafka} field
   */
  LiveRecords(String coordinates) {
    String[] parts = coordinates.split(" ");
    this.tradesTopic = parts[1];
    this.orderbookTopic = parts[2];
    this.statisticsTopic = parts[3];
    Properties properties = new Properties();
    properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, parts[0]);
    properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    properties.put(ProducerConfig.LINGER_MS_CONFIG, 0);
    this.producer = new KafkaProducer<>(properties);
  }

  /** An instrument id no other test uses: {@code SIM:<name><random>}. */
  static String uniqueInstrument(String name) {
    return "SIM:"
        + name.toUpperCase()
        + Integer.toHexString(ThreadLocalRandom.current().nextInt()).toUpperCase();
  }

  /** A prediction-market event id no other test uses. */
  static String uniqueEvent() {
    return "evt-" + Integer.toHexString(ThreadLocalRandom.current().nextInt());
  }

  static String pariflow(String eventId, String outcomeId, String option) {
    return "PARIFLOW:" + eventId + ":" + outcomeId + ":" + option;
  }

  static long micros(Instant instant) {
    return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000;
  }

  static Trade trade(String instrument, String tradeId, double price) {
    return Trade.newBuilder()
        .setInstrument(instrument)
        .setExchangeTimeUs(micros(T0))
        .setReceiveTimeUs(micros(T0) + 1500)
        .setSequence(42L)
        .setTradeId(tradeId)
        .setPrice(price)
        .setSize(2.5)
        .setSide(Side.BUY)
        .setIsAmmTrade(instrument.startsWith("PARIFLOW:") ? Boolean.FALSE : null)
        .setOrderId(null)
        .build();
  }

  /** A snapshot with {@code levels} levels a side around 100 (bids 99.99 down, asks 100.01 up). */
  static OrderBookSnapshot book(String instrument, long sequence, int levels) {
    List<BookLevel> bids = new ArrayList<>();
    List<BookLevel> asks = new ArrayList<>();
    for (int i = 0; i < levels; i++) {
      bids.add(new BookLevel(99.99 - i * 0.01, 1.0 + i, null));
      asks.add(new BookLevel(100.01 + i * 0.01, 2.0 + i, 3));
    }
    return OrderBookSnapshot.newBuilder()
        .setInstrument(instrument)
        .setSnapshotTimeUs(micros(T0))
        .setReason(SnapshotReason.INTERVAL)
        .setLastUpdateTimeUs(micros(T0) - 10)
        .setLastSequence(sequence)
        .setDepthLevels(Math.max(1, levels))
        .setBookBidLevels(levels)
        .setBookAskLevels(levels)
        .setBids(bids)
        .setAsks(asks)
        .setChecksum(12345L)
        .build();
  }

  static MarketStatistics statistics(String instrument, String period, long trades) {
    Instant end = Instant.parse("2024-08-09T00:00:00Z");
    return MarketStatistics.newBuilder()
        .setInstrument(instrument)
        .setPeriod(period)
        .setPeriodStartUs(micros(end) - 3_600_000_000L)
        .setPeriodEndUs(micros(end))
        .setBarCount(60)
        .setVolume(10.5)
        .setQuoteVolume(1050.0)
        .setTrades(trades)
        .setBuyVolume(6.0)
        .setSellVolume(4.5)
        .setOpen(99.0)
        .setHigh(101.0)
        .setLow(98.5)
        .setClose(100.0)
        .setVwap(100.0)
        .setVolatility(0.001)
        .setAnnualizedVolatility(0.001 * Math.sqrt(525_600))
        .setLiquidityUsd(null)
        .setLiquidityBucketStartUs(null)
        .build();
  }

  void send(Trade trade) {
    send(tradesTopic, trade.getInstrument(), AvroCodec.of(Trade.class).encode(trade));
  }

  void send(OrderBookSnapshot book) {
    send(orderbookTopic, book.getInstrument(), AvroCodec.of(OrderBookSnapshot.class).encode(book));
  }

  void send(MarketStatistics statistics) {
    send(
        statisticsTopic,
        statistics.getInstrument(),
        AvroCodec.of(MarketStatistics.class).encode(statistics));
  }

  /** Bytes that are no record of the topic, under a key someone may listen to. */
  void sendGarbage(String topic, String instrument) {
    send(topic, instrument, new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff});
  }

  String tradesTopic() {
    return tradesTopic;
  }

  private void send(String topic, String key, byte[] value) {
    try {
      producer
          .send(new ProducerRecord<>(topic, key.getBytes(StandardCharsets.UTF_8), value))
          .get(20, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("cannot produce to " + topic, e);
    }
  }

  @Override
  public void close() {
    producer.close();
  }
}
