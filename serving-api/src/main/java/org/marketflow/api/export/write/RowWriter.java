package org.marketflow.api.export.write;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.marketflow.api.export.ExportFormat;
import org.marketflow.api.export.rows.ExportColumn;

/**
 * Writes rows of known columns in one format to a stream, one row at a time and without keeping
 * rows. {@link #finish()} writes what the format needs at the end (JSON's closing bracket,
 * Parquet's footer) and flushes; it does not close the stream.
 */
public interface RowWriter {

  void write(Object[] row) throws IOException;

  void finish() throws IOException;

  /** A writer of {@code format} for rows of {@code columns}. */
  static RowWriter open(ExportFormat format, List<ExportColumn> columns, OutputStream out)
      throws IOException {
    return switch (format) {
      case JSON -> new JsonRowWriter(columns, out);
      case CSV -> new CsvRowWriter(columns, out);
      case PARQUET -> new ParquetRowWriter(columns, out);
    };
  }
}
