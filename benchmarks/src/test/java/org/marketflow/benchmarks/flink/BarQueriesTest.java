package org.marketflow.benchmarks.flink;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.junit.jupiter.api.Test;
import org.marketflow.schemas.bars.BarInterval;

class BarQueriesTest {

  private static final KafkaTopicSource SOURCE =
      new KafkaTopicSource("127.0.0.1:9092", "bench.trades", "bench-group");

  @Test
  void writesEachIntervalInItsLargestWholeUnit() {
    assertThat(BarInterval.values())
        .extracting(BarQueries::sqlInterval)
        .containsExactly(
            "INTERVAL '1' SECOND",
            "INTERVAL '1' MINUTE",
            "INTERVAL '5' MINUTE",
            "INTERVAL '15' MINUTE",
            "INTERVAL '1' HOUR",
            "INTERVAL '4' HOUR",
            "INTERVAL '1' DAY");
  }

  @Test
  void oneIntervalIsOneWindowOverTheTrades() {
    assertThat(BarQueries.of(List.of(BarInterval.M1)))
        .startsWith("SELECT\n  instrument,\n  CAST('1m' AS STRING) AS bar_interval,")
        .contains("FROM TABLE(TUMBLE(TABLE trades, DESCRIPTOR(event_time), INTERVAL '1' MINUTE))")
        .endsWith("GROUP BY instrument, window_start, window_end")
        .doesNotContain("UNION");
  }

  @Test
  void splitsVolumeAndTradesByTheSidesEnumIndex() {
    assertThat(BarQueries.of(List.of(BarInterval.M1)))
        .contains("SUM(CASE WHEN side = 0 THEN `size` ELSE 0E0 END) AS buy_volume")
        .contains("SUM(CASE WHEN side = 1 THEN `size` ELSE 0E0 END) AS sell_volume")
        .contains("COUNT(CASE WHEN side = 0 THEN 1 END) AS buy_trade_count")
        .contains("COUNT(CASE WHEN side = 1 THEN 1 END) AS sell_trade_count");
  }

  @Test
  void largerIntervalsAreWindowsOverTheSmallestIntervalsBars() {
    String sql = BarQueries.of(DataStreamBarsJob.DEFAULT_INTERVALS);

    assertThat(sql)
        .startsWith("WITH base_bars AS (")
        .contains("TUMBLE(TABLE trades, DESCRIPTOR(event_time), INTERVAL '1' SECOND)")
        .contains("TUMBLE(TABLE base_bars, DESCRIPTOR(bar_time), INTERVAL '4' HOUR)")
        .contains("FIRST_VALUE(open_price) AS open_price")
        .contains("SUM(trade_count) AS trade_count");
    assertThat(count(sql, "UNION ALL")).isEqualTo(6);
    assertThat(count(sql, "TABLE trades")).isEqualTo(1);
  }

  @Test
  void everyQueryHasTheSameColumns() {
    StreamTableEnvironment tables =
        SqlBarsJob.tableEnvironment(StreamExecutionEnvironment.getExecutionEnvironment());
    tables.executeSql(TradesTable.createTable(SOURCE, false));

    for (List<BarInterval> intervals :
        List.of(List.of(BarInterval.M1), DataStreamBarsJob.DEFAULT_INTERVALS)) {
      assertThat(tables.sqlQuery(BarQueries.of(intervals)).getResolvedSchema().getColumnNames())
          .isEqualTo(BarQueries.COLUMNS);
    }
  }

  @Test
  void theCascadeShufflesEachTradeOnceAndEachBaseBarOnce() {
    StreamTableEnvironment tables =
        SqlBarsJob.tableEnvironment(StreamExecutionEnvironment.getExecutionEnvironment());
    tables.executeSql(TradesTable.createTable(SOURCE, false));

    String plan = tables.explainSql(BarQueries.of(DataStreamBarsJob.DEFAULT_INTERVALS));
    String optimized = plan.substring(plan.indexOf("== Optimized Execution Plan =="));

    assertThat(count(optimized, "Exchange(")).isEqualTo(2);
    assertThat(count(optimized, "TableSourceScan(")).isEqualTo(1);
  }

  private static int count(String text, String part) {
    Matcher matcher = Pattern.compile(Pattern.quote(part)).matcher(text);
    int count = 0;
    while (matcher.find()) {
      count++;
    }
    return count;
  }
}
