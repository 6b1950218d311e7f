package org.marketflow.benchmarks.flink;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.marketflow.jobs.common.options.JobOptions;

/**
 * The trades topic as a Flink SQL table with {@code 'format' = 'avro'}, which {@link BarQueries}
 * computes bars from. The avro format derives its reader schema from the columns and decodes by
 * position, so the physical columns are the {@code Trade} fields in their order, with nullable
 * columns for the {@code ["null", T]} unions.
 */
public final class TradesTable {

  public static final String NAME = "trades";

  /** A physical column: a {@code Trade} field and the Flink type its Avro encoding decodes as. */
  public record Column(String name, String type) {
    String ddl() {
      return "`" + name + "` " + type;
    }
  }

  public static final List<Column> PHYSICAL_COLUMNS =
      List.of(
          new Column("instrument", "STRING NOT NULL"),
          new Column("exchangeTimeUs", "BIGINT NOT NULL"),
          new Column("receiveTimeUs", "BIGINT NOT NULL"),
          new Column("sequence", "BIGINT"),
          new Column("tradeId", "STRING"),
          new Column("price", "DOUBLE NOT NULL"),
          new Column("size", "DOUBLE NOT NULL"),
          // The Side enum is written as its symbol's index, which decodes as an INT.
          new Column("side", "INT NOT NULL"),
          new Column("isAmmTrade", "BOOLEAN"),
          new Column("orderId", "STRING"));

  private TradesTable() {}

  /**
   * {@code CREATE TABLE trades}: read from the earliest to the latest offsets at start, with the
   * event time and watermark of the OHLC job (exchange time in milliseconds, the job's default
   * out-of-orderness). With {@code kafkaPosition} it also has the partition and offset of each
   * record, for checking the decoding against the raw records.
   */
  public static String createTable(KafkaTopicSource source, boolean kafkaPosition) {
    String columns =
        PHYSICAL_COLUMNS.stream().map(Column::ddl).collect(Collectors.joining(",\n  "));
    String position =
        kafkaPosition
            ? "  kafka_partition INT METADATA FROM 'partition' VIRTUAL,\n"
                + "  kafka_offset BIGINT METADATA FROM 'offset' VIRTUAL,\n"
            : "";
    return "CREATE TABLE "
        + NAME
        + " (\n  "
        + columns
        + ",\n"
        + position
        + "  event_time AS TO_TIMESTAMP_LTZ(exchangeTimeUs / 1000, 3),\n"
        + "  WATERMARK FOR event_time AS event_time - INTERVAL '"
        + wholeSeconds(JobOptions.OUT_OF_ORDERNESS.defaultValue())
        + "' SECOND\n) WITH (\n"
        + "  'connector' = 'kafka',\n"
        + "  'topic' = '"
        + source.topic()
        + "',\n  'properties.bootstrap.servers' = '"
        + source.bootstrapServers()
        + "',\n  'properties.group.id' = '"
        + source.groupId()
        + "',\n"
        + "  'scan.startup.mode' = 'earliest-offset',\n"
        + "  'scan.bounded.mode' = 'latest-offset',\n"
        + "  'format' = 'avro'\n)";
  }

  static long wholeSeconds(Duration duration) {
    if (duration.toMillis() % 1_000 != 0) {
      throw new IllegalArgumentException("the SQL watermark takes whole seconds, not " + duration);
    }
    return duration.toSeconds();
  }
}
