package org.marketflow.testing.servers;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Tables compared whole: each one's row count and a digest of all its rows. */
public final class TableDigests {

  private TableDigests() {}

  /** Each table's row count and an MD5 of its rows, in a fixed order. */
  public static Map<String, String> of(PostgresDatabase db, List<String> tables) throws Exception {
    return of(db, tables, "t::text");
  }

  /**
   * Each query's row count and an MD5 of its rows as {@code row} renders them, in a fixed order; a
   * table name stands for its rows.
   *
   * @param row an SQL expression of the row alias {@code t}, e.g. {@code (t.a, t.b)::text}
   */
  public static Map<String, String> of(PostgresDatabase db, List<String> tables, String row)
      throws Exception {
    Map<String, String> digests = new TreeMap<>();
    try (Connection c = db.connect();
        Statement statement = c.createStatement()) {
      for (String table : tables) {
        try (ResultSet rows =
            statement.executeQuery(
                "SELECT count(*) || ' ' || coalesce(md5(string_agg("
                    + row
                    + ", '|' ORDER BY "
                    + row
                    + ")), '') FROM "
                    + table
                    + " t")) {
          rows.next();
          digests.put(table, rows.getString(1));
        }
      }
    }
    return digests;
  }
}
