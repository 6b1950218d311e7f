package org.marketflow.api.export;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.zip.GZIPOutputStream;
import org.marketflow.api.export.rows.ExportRowReader;
import org.marketflow.api.export.rows.ExportTable;
import org.marketflow.api.export.write.RowWriter;

/**
 * Writes an export as one gzip file to a stream: rows from the database cursor go through the
 * format's {@link RowWriter} and the gzip encoder as they are read, so memory stays bounded by the
 * cursor's fetch size, the encoder's buffer and (Parquet only) one row group, whatever the number
 * of rows. Used alike for a response body and a job's file.
 */
@ApplicationScoped
public class ExportStreamer {

  private static final int GZIP_BUFFER_BYTES = 64 * 1024;

  private final ExportRowReader reader;

  public ExportStreamer(ExportRowReader reader) {
    this.reader = reader;
  }

  /**
   * Writes the export to {@code out} and finishes the gzip stream; does not close {@code out}.
   *
   * @return the number of rows written
   * @throws IOException if {@code out} fails (e.g. the client went away)
   */
  public long write(ExportRequest request, OutputStream out) throws IOException {
    GZIPOutputStream gzip = new GZIPOutputStream(out, GZIP_BUFFER_BYTES);
    RowWriter writer =
        RowWriter.open(request.format(), ExportTable.of(request.type()).columns(), gzip);
    long rows;
    try {
      rows = reader.stream(request, writer::write);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    writer.finish();
    gzip.finish();
    gzip.flush();
    return rows;
  }
}
