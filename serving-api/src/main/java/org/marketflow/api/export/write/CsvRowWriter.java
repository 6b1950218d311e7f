package org.marketflow.api.export.write;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.marketflow.api.export.rows.ColumnKind;
import org.marketflow.api.export.rows.ExportColumn;

/**
 * RFC 4180 CSV (Apache Commons CSV: comma, double-quote quoting where needed, CRLF line ends),
 * UTF-8, a header line of column names. A {@code null} is an empty cell; numbers are written as
 * {@link Double#toString} / {@link Long#toString}, times as ISO 8601 UTC, booleans {@code
 * true}/{@code false}.
 *
 * <p>Formula injection: a text cell that starts with {@code =}, {@code +}, {@code -}, {@code @}, a
 * tab or a carriage return gets a leading {@code '} ({@link #neutralize}), so a spreadsheet shows
 * it as text instead of evaluating it. Only text columns (ids, side) are neutralized: numeric cells
 * are written from numbers by this writer, never from client or venue text, so {@code -0.5} stays a
 * number.
 */
public final class CsvRowWriter implements RowWriter {

  private final List<ExportColumn> columns;
  private final Writer writer;
  private final CSVPrinter csv;
  private final Object[] cells;

  CsvRowWriter(List<ExportColumn> columns, OutputStream out) throws IOException {
    this.columns = columns;
    this.writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    this.csv =
        CSVFormat.RFC4180
            .builder()
            .setHeader(columns.stream().map(ExportColumn::name).toArray(String[]::new))
            .get()
            .print(writer);
    this.cells = new Object[columns.size()];
  }

  @Override
  public void write(Object[] row) throws IOException {
    for (int i = 0; i < row.length; i++) {
      Object value = row[i];
      ColumnKind kind = columns.get(i).kind();
      if (value == null) {
        cells[i] = null;
      } else if (kind == ColumnKind.STRING) {
        cells[i] = neutralize((String) value);
      } else if (kind == ColumnKind.TIMESTAMP) {
        cells[i] = ((Instant) value).toString();
      } else {
        cells[i] = value;
      }
    }
    csv.printRecord(cells);
  }

  @Override
  public void finish() throws IOException {
    // Flush through the encoder without closing the caller's stream.
    csv.flush();
    writer.flush();
  }

  /**
   * {@code text} with a leading {@code '} when it starts with a character that makes spreadsheets
   * read a cell as a formula ({@code = + - @}, tab, carriage return); otherwise unchanged.
   */
  public static String neutralize(String text) {
    if (text.isEmpty()) {
      return text;
    }
    return switch (text.charAt(0)) {
      case '=', '+', '-', '@', '\t', '\r' -> "'" + text;
      default -> text;
    };
  }
}
