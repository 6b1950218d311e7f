package org.marketflow.benchmarks.flink;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.types.Row;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.marketflow.benchmarks.kafka.RawTopicReader;
import org.marketflow.schemas.avro.AvroCodec;
import org.marketflow.schemas.avro.Trade;

/**
 * Proves that {@link TradesTable}'s columns decode the topic: the first records of each partition,
 * read through the SQL table, must equal the same records decoded by {@link AvroCodec}, field by
 * field. A column out of place would otherwise still decode, silently, into wrong bars.
 */
public final class SqlDecodingCheck {

  static final int RECORDS_PER_PARTITION = 3;
  private static final String ROWS = "sqlDecodingCheck.rows";
  private static final Duration POLL_TIMEOUT = Duration.ofMillis(200);
  private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

  /** Where a record is in the topic. */
  record Position(int partition, long offset) {}

  private SqlDecodingCheck() {}

  /**
   * Compares the first records of each partition (at most up to {@code endOffsets}).
   *
   * @return how many records were compared
   * @throws IllegalStateException naming the record and the field that differ
   */
  public static int verify(
      LocalFlinkCluster cluster, KafkaTopicSource source, Map<TopicPartition, Long> endOffsets)
      throws Exception {
    Map<TopicPartition, Long> stops = new HashMap<>();
    endOffsets.forEach((tp, end) -> stops.put(tp, Math.min(end, RECORDS_PER_PARTITION)));
    Map<Position, Trade> expected = readRaw(source.bootstrapServers(), stops);
    Map<Position, Row> actual = readThroughSql(cluster, source, stops);
    if (!actual.keySet().equals(expected.keySet())) {
      throw new IllegalStateException(
          "the SQL table read records " + actual.keySet() + ", Kafka holds " + expected.keySet());
    }
    for (Map.Entry<Position, Trade> record : expected.entrySet()) {
      String difference = difference(record.getValue(), actual.get(record.getKey()));
      if (difference != null) {
        throw new IllegalStateException(
            "the SQL avro table decodes " + record.getKey() + " wrongly: " + difference);
      }
    }
    return expected.size();
  }

  /** The first field where the SQL row differs from the trade, or null when none does. */
  static String difference(Trade trade, Row row) {
    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("instrument", trade.getInstrument());
    expected.put("exchangeTimeUs", trade.getExchangeTimeUs());
    expected.put("receiveTimeUs", trade.getReceiveTimeUs());
    expected.put("sequence", trade.getSequence());
    expected.put("tradeId", trade.getTradeId());
    expected.put("price", trade.getPrice());
    expected.put("size", trade.getSize());
    expected.put("side", trade.getSide().ordinal());
    expected.put("isAmmTrade", trade.getIsAmmTrade());
    expected.put("orderId", trade.getOrderId());
    expected.put("event_time", Instant.ofEpochMilli(trade.getExchangeTimeUs() / 1_000L));
    for (Map.Entry<String, Object> field : expected.entrySet()) {
      Object value = row.getField(field.getKey());
      if (!Objects.equals(field.getValue(), value)) {
        return field.getKey() + " is " + value + ", expected " + field.getValue();
      }
    }
    return null;
  }

  private static Map<Position, Trade> readRaw(
      String bootstrapServers, Map<TopicPartition, Long> stops) throws IOException {
    AvroCodec<Trade> codec = AvroCodec.of(Trade.class);
    Map<Position, Trade> trades = new HashMap<>();
    long wanted = stops.values().stream().mapToLong(Long::longValue).sum();
    long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
    List<TopicPartition> partitions = new ArrayList<>(stops.keySet());
    try (KafkaConsumer<byte[], byte[]> consumer =
        RawTopicReader.fromBeginning(bootstrapServers, partitions)) {
      while (trades.size() < wanted) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(
              "could not read the first records within " + READ_TIMEOUT);
        }
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL_TIMEOUT)) {
          TopicPartition tp = new TopicPartition(record.topic(), record.partition());
          if (record.offset() < stops.get(tp)) {
            trades.put(
                new Position(record.partition(), record.offset()), codec.decode(record.value()));
          }
        }
      }
    }
    return trades;
  }

  private static Map<Position, Row> readThroughSql(
      LocalFlinkCluster cluster, KafkaTopicSource source, Map<TopicPartition, Long> stops)
      throws Exception {
    StreamExecutionEnvironment env = cluster.environment();
    StreamTableEnvironment tables = SqlBarsJob.tableEnvironment(env);
    tables.executeSql(TradesTable.createTable(source, true));
    String stopOffsets =
        stops.entrySet().stream()
            .map(e -> "partition:" + e.getKey().partition() + ",offset:" + e.getValue())
            .collect(Collectors.joining(";"));
    Table firstRecords =
        tables.sqlQuery(
            "SELECT * FROM "
                + TradesTable.NAME
                + " /*+ OPTIONS('scan.bounded.mode' = 'specific-offsets',"
                + " 'scan.bounded.specific-offsets' = '"
                + stopOffsets
                + "') */");
    tables
        .toDataStream(firstRecords)
        .process(new RowCollector(ROWS))
        .uid("bench-sql-decoding-rows")
        .name("Collect rows")
        .sinkTo(new DiscardingSink<>())
        .uid("bench-sql-decoding-discard")
        .name("Discard");
    List<Row> collected =
        cluster.execute(env, "bench-sql-decoding-check").result().getAccumulatorResult(ROWS);
    Map<Position, Row> rows = new HashMap<>();
    for (Row row : collected == null ? List.<Row>of() : collected) {
      Integer partition = row.getFieldAs("kafka_partition");
      Long offset = row.getFieldAs("kafka_offset");
      rows.put(new Position(partition, offset), row);
    }
    return rows;
  }
}
