package org.marketflow.schemas.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class TableSpecTest {

  @Test
  void everyTablesColumnsAreTheColumnsTheMigrationsCreate() throws Exception {
    String migrations = migrations();
    for (TableSpec table : Tables.ALL) {
      assertThat(table.columns()).as(table.name()).isEqualTo(columns(migrations, table.name()));
    }
  }

  @Test
  void upsertOverwritesEveryColumnButTheKeyWhereTheGuardHolds() {
    TableSpec table = new TableSpec("t", List.of("k", "a", "b"), List.of("k"));
    assertThat(table.upsert("t.a <= EXCLUDED.a"))
        .isEqualTo(
            "INSERT INTO t (k, a, b) VALUES (?, ?, ?) ON CONFLICT (k) DO UPDATE SET"
                + " a = EXCLUDED.a, b = EXCLUDED.b WHERE t.a <= EXCLUDED.a");
    assertThat(table.upsert(null)).doesNotContain("WHERE");
    assertThat(table.insertIfAbsent())
        .isEqualTo("INSERT INTO t (k, a, b) VALUES (?, ?, ?) ON CONFLICT (k) DO NOTHING");
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

  /** Every migration's text, in version order. */
  private static String migrations() throws Exception {
    Path directory = Path.of(TableSpecTest.class.getResource("/db/migration").toURI());
    try (Stream<Path> files = Files.list(directory)) {
      List<Path> versions =
          files
              .filter(f -> f.getFileName().toString().matches("V\\d+__.*\\.sql"))
              .sorted(Comparator.comparingInt(TableSpecTest::version))
              .toList();
      StringBuilder text = new StringBuilder();
      for (Path file : versions) {
        text.append(Files.readString(file, StandardCharsets.UTF_8)).append('\n');
      }
      return text.toString();
    }
  }

  private static int version(Path migration) {
    String name = migration.getFileName().toString();
    return Integer.parseInt(name.substring(1, name.indexOf("__")));
  }

  /**
   * The columns of {@code CREATE TABLE <table> (...)}, or of the table it copies with {@code CREATE
   * TABLE <table> (LIKE <other> ...)}, then those of each {@code ALTER TABLE <table> ADD COLUMN
   * ...}, in order.
   */
  private static List<String> columns(String migrations, String table) {
    Matcher like = Pattern.compile("CREATE TABLE " + table + " \\(LIKE (\\w+)").matcher(migrations);
    List<String> columns = new ArrayList<>();
    if (like.find()) {
      columns.addAll(columns(migrations, like.group(1)));
    } else {
      columns.addAll(created(migrations, table));
    }
    Matcher alter =
        Pattern.compile("ALTER TABLE " + table + "\\s(.*?);", Pattern.DOTALL).matcher(migrations);
    while (alter.find()) {
      Matcher added = Pattern.compile("ADD COLUMN (\\w+)").matcher(alter.group(1));
      while (added.find()) {
        columns.add(added.group(1));
      }
    }
    return columns;
  }

  /** The columns {@code CREATE TABLE <table> (...)} lists. */
  private static List<String> created(String migrations, String table) {
    Matcher create =
        Pattern.compile("CREATE TABLE " + table + " \\((.*?)\\n\\)", Pattern.DOTALL)
            .matcher(migrations);
    assertThat(create.find()).as("CREATE TABLE %s in the migrations", table).isTrue();
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
