package org.marketflow.benchmarks.flink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.marketflow.schemas.avro.Trade;

class TradesTableTest {

  private static final KafkaTopicSource SOURCE =
      new KafkaTopicSource("127.0.0.1:9092", "bench.trades", "bench-group");

  @Test
  void physicalColumnsAreTheTradeFieldsInSchemaOrder() {
    assertThat(TradesTable.PHYSICAL_COLUMNS)
        .extracting(TradesTable.Column::name)
        .containsExactlyElementsOf(
            Trade.getClassSchema().getFields().stream().map(Schema.Field::name).toList());
  }

  @Test
  void onlyTheNullUnionsAreNullableColumns() {
    for (TradesTable.Column column : TradesTable.PHYSICAL_COLUMNS) {
      boolean union = Trade.getClassSchema().getField(column.name()).schema().isNullable();
      assertThat(column.type().endsWith("NOT NULL")).as(column.name()).isEqualTo(!union);
    }
  }

  @Test
  void tableReadsTheTopicOnceFromEarliestToLatestAsAvro() {
    String ddl = TradesTable.createTable(SOURCE, false);

    assertThat(ddl)
        .contains("'topic' = 'bench.trades'")
        .contains("'properties.bootstrap.servers' = '127.0.0.1:9092'")
        .contains("'scan.startup.mode' = 'earliest-offset'")
        .contains("'scan.bounded.mode' = 'latest-offset'")
        .contains("'format' = 'avro'")
        .doesNotContain("kafka_offset");
  }

  @Test
  void eventTimeAndWatermarkMatchTheDataStreamJob() {
    assertThat(TradesTable.createTable(SOURCE, false))
        .contains("event_time AS TO_TIMESTAMP_LTZ(exchangeTimeUs / 1000, 3)")
        .contains("WATERMARK FOR event_time AS event_time - INTERVAL '2' SECOND");
  }

  @Test
  void positionColumnsAreVirtualMetadata() {
    assertThat(TradesTable.createTable(SOURCE, true))
        .contains("kafka_partition INT METADATA FROM 'partition' VIRTUAL")
        .contains("kafka_offset BIGINT METADATA FROM 'offset' VIRTUAL");
  }

  @Test
  void rejectsAWatermarkDelayOfPartSeconds() {
    assertThatThrownBy(() -> TradesTable.wholeSeconds(Duration.ofMillis(1_500)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the SQL watermark takes whole seconds, not PT1.5S");
  }
}
