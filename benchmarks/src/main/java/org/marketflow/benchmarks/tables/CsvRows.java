package org.marketflow.benchmarks.tables;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import org.apache.flink.connector.jdbc.JdbcStatementBuilder;
import org.marketflow.schemas.db.TableSpec;

/**
 * Rows as COPY's CSV, made of the values the job's {@link JdbcStatementBuilder} binds (captured by
 * a {@link PreparedStatement} that only records them): COPY stores exactly what the sink stores,
 * with no second mapping of fields to columns.
 */
final class CsvRows<T> implements InvocationHandler {

  private static final Object UNBOUND = new Object();

  private final TableSpec table;
  private final JdbcStatementBuilder<T> statement;
  private final Object[] values;
  private final PreparedStatement recorder;

  CsvRows(TableSpec table, JdbcStatementBuilder<T> statement) {
    this.table = table;
    this.statement = statement;
    this.values = new Object[table.columns().size()];
    this.recorder =
        (PreparedStatement)
            Proxy.newProxyInstance(
                PreparedStatement.class.getClassLoader(),
                new Class<?>[] {PreparedStatement.class},
                this);
  }

  /** Appends {@code row} as one CSV line, its values in the table's column order. */
  void append(StringBuilder out, T row) throws SQLException {
    Arrays.fill(values, UNBOUND);
    statement.accept(recorder, row);
    for (int i = 0; i < values.length; i++) {
      if (values[i] == UNBOUND) {
        throw new IllegalStateException(
            "the statement of " + table.name() + " binds nothing to " + table.columns().get(i));
      }
      if (i > 0) {
        out.append(',');
      }
      field(out, values[i]);
    }
    out.append('\n');
  }

  /** {@code setX(position, value, …)} records the value; {@code setNull} records SQL NULL. */
  @Override
  public Object invoke(Object proxy, Method method, Object[] args) {
    String name = method.getName();
    if (!name.startsWith("set") || args == null || args.length < 2) {
      throw new UnsupportedOperationException("a statement that only binds values cannot " + name);
    }
    values[(Integer) args[0] - 1] = "setNull".equals(name) ? null : args[1];
    return null;
  }

  /** NULL is an empty field; times are ISO instants; text with a delimiter or quote is quoted. */
  private static void field(StringBuilder out, Object value) {
    if (value == null) {
      return;
    }
    if (value instanceof OffsetDateTime time) {
      out.append(time.toInstant());
      return;
    }
    String text = value.toString();
    if (value instanceof String && needsQuotes(text)) {
      out.append('"').append(text.replace("\"", "\"\"")).append('"');
    } else {
      out.append(text);
    }
  }

  private static boolean needsQuotes(String text) {
    if (text.isEmpty()) {
      return true; // an unquoted empty field is NULL
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == ',' || c == '"' || c == '\n' || c == '\r') {
        return true;
      }
    }
    return false;
  }
}
