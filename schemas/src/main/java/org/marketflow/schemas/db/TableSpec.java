package org.marketflow.schemas.db;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A table's columns, written once and read by everything that writes or reads the table (the jobs'
 * sinks, the service's repositories, the tests). The migrations in {@code db/migration} create the
 * table; {@code TableSpecTest} checks that the two agree.
 *
 * @param name the table
 * @param columns every column, in the order statements bind and read them
 * @param keyColumns the primary key, a prefix-free subset of {@code columns}
 */
public record TableSpec(String name, List<String> columns, List<String> keyColumns) {

  public TableSpec {
    Objects.requireNonNull(name, "name");
    columns = List.copyOf(columns);
    keyColumns = List.copyOf(keyColumns);
    if (!columns.containsAll(keyColumns)) {
      throw new IllegalArgumentException(name + ": key columns must be columns");
    }
  }

  /** {@code a, b, c}: the columns in order, for SELECT and INSERT lists. */
  public String columnList() {
    return String.join(", ", columns);
  }

  /** The 1-based position of {@code column} in {@link #columns()}, as statements bind it. */
  public int position(String column) {
    int index = columns.indexOf(column);
    if (index < 0) {
      throw new IllegalArgumentException(name + " has no column " + column);
    }
    return index + 1;
  }

  /** {@code SELECT <columns> FROM <name>}, to which a caller adds WHERE, ORDER BY and LIMIT. */
  public String select() {
    return "SELECT " + columnList() + " FROM " + name;
  }

  /**
   * An idempotent upsert of every column: a row with the same key is overwritten, but only where
   * {@code guard} holds ({@code null} for always). In {@code guard}, {@code <name>.col} is the
   * stored row and {@code EXCLUDED.col} the new one, e.g. {@code ohlc_bars.revision <=
   * EXCLUDED.revision}.
   */
  public String upsert(String guard) {
    String updates =
        columns.stream()
            .filter(c -> !keyColumns.contains(c))
            .map(c -> c + " = EXCLUDED." + c)
            .collect(Collectors.joining(", "));
    StringBuilder sql = insert().append("DO UPDATE SET ").append(updates);
    if (guard != null) {
      sql.append(" WHERE ").append(guard);
    }
    return sql.toString();
  }

  /**
   * An idempotent insert of every column that leaves a stored row with the same key as it is
   * ({@code ON CONFLICT DO NOTHING}): for rows that never change once written, such as archived
   * trades, where a replay then writes nothing.
   */
  public String insertIfAbsent() {
    return insert().append("DO NOTHING").toString();
  }

  /** {@code INSERT INTO <name> (<columns>) VALUES (?, …) ON CONFLICT (<key>) }. */
  private StringBuilder insert() {
    String placeholders = columns.stream().map(c -> "?").collect(Collectors.joining(", "));
    return new StringBuilder("INSERT INTO ")
        .append(name)
        .append(" (")
        .append(columnList())
        .append(") VALUES (")
        .append(placeholders)
        .append(") ON CONFLICT (")
        .append(String.join(", ", keyColumns))
        .append(") ");
  }
}
