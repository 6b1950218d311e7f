package org.marketflow.benchmarks.flink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.marketflow.benchmarks.flink.BarFixtures.START_US;

import java.time.LocalDateTime;
import org.apache.flink.types.Row;
import org.junit.jupiter.api.Test;

class BarFieldsTest {

  private static final BarFields EXPECTED =
      new BarFields(
          "SIM:I000",
          "5m",
          START_US,
          100.0,
          101.5,
          99.5,
          101.0,
          10,
          6,
          3,
          START_US + 1_000,
          START_US + 59_000_000,
          2.5,
          251.25,
          100.5,
          1.5,
          0.75);

  @Test
  void readsEveryComparedFieldOfTheJobsBar() {
    assertThat(BarFields.of(BarFixtures.bar("5m", START_US).build())).isEqualTo(EXPECTED);
  }

  @Test
  void readsEveryColumnOfTheSqlRowWithTheBarStartInUtc() {
    Row row = Row.withNames();
    row.setField("instrument", "SIM:I000");
    row.setField("bar_interval", "5m");
    row.setField("bar_start", LocalDateTime.parse("2025-01-01T00:00:00"));
    row.setField("open_price", 100.0);
    row.setField("high_price", 101.5);
    row.setField("low_price", 99.5);
    row.setField("close_price", 101.0);
    row.setField("volume", 2.5);
    row.setField("quote_volume", 251.25);
    row.setField("vwap", 100.5);
    row.setField("trade_count", 10L);
    row.setField("buy_volume", 1.5);
    row.setField("sell_volume", 0.75);
    row.setField("buy_trade_count", 6L);
    row.setField("sell_trade_count", 3L);
    row.setField("first_trade_time_us", START_US + 1_000);
    row.setField("last_trade_time_us", START_US + 59_000_000);

    assertThat(BarFields.of(row)).isEqualTo(EXPECTED);
    assertThat(row.getFieldNames(false)).containsExactlyInAnyOrderElementsOf(BarQueries.COLUMNS);
  }

  @Test
  void namesEachDifferingFieldWithBothValues() {
    BarFields sql =
        BarFields.of(
            BarFixtures.bar("5m", START_US).setBuyTradeCount(5).setBuyVolume(1.5000015).build());

    assertThat(EXPECTED.differences(sql))
        .containsExactly("buyTradeCount job 6, SQL 5", "buyVolume job 1.5, SQL 1.5000015");
    assertThat(EXPECTED.differences(EXPECTED)).isEmpty();
  }
}
