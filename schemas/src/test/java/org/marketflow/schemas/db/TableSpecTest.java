package org.marketflow.schemas.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class TableSpecTest {

  @Test
  void ohlcBarsColumnsAreTheColumnsTheMigrationCreates() throws IOException {
    assertThat(Tables.OHLC_BARS.columns()).isEqualTo(createdColumns("ohlc_bars"));
  }

  @Test
  void upsertOverwritesEveryColumnButTheKeyWhereTheGuardHolds() {
    TableSpec table = new TableSpec("t", List.of("k", "a", "b"), List.of("k"));
    assertThat(table.upsert("t.a <= EXCLUDED.a"))
        .isEqualTo(
            "INSERT INTO t (k, a, b) VALUES (?, ?, ?) ON CONFLICT (k) DO UPDATE SET"
                + " a = EXCLUDED.a, b = EXCLUDED.b WHERE t.a <= EXCLUDED.a");
    assertThat(table.upsert(null)).doesNotContain("WHERE");
    assertThat(table.select()).isEqualTo("SELECT k, a, b FROM t");
    assertThat(table.position("b")).isEqualTo(3);
  }

  @Test
  void rejectsUnknownColumns() {
    assertThatThrownBy(() -> new TableSpec("t", List.of("a"), List.of("k")))
        .hasMessage("t: key columns must be columns");
    assertThatThrownBy(() -> Tables.OHLC_BARS.position("nope"))
        .hasMessage("ohlc_bars has no column nope");
  }

  /** The columns of {@code CREATE TABLE <table> (...)} in the migrations, in order. */
  private static List<String> createdColumns(String table) throws IOException {
    String sql;
    try (InputStream in =
        TableSpecTest.class.getResourceAsStream("/db/migration/V1__market_data_tables.sql")) {
      sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Matcher create =
        Pattern.compile("CREATE TABLE " + table + " \\((.*?)\\n\\)", Pattern.DOTALL).matcher(sql);
    assertThat(create.find()).as("CREATE TABLE %s in V1", table).isTrue();
    List<String> columns = new ArrayList<>();
    for (String line : create.group(1).split("\\n")) {
      String trimmed = line.strip();
      if (!trimmed.isEmpty() && !trimmed.startsWith("PRIMARY KEY") && !trimmed.startsWith("--")) {
        columns.add(trimmed.split("\\s+")[0]);
      }
    }
    return columns;
  }
}
