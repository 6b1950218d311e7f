package org.marketflow.api.export.write;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;
import org.marketflow.api.export.rows.ExportColumn;

/**
 * A JSON array of objects, one per row, every column present ({@code null} where there is no
 * value); numbers as JSON numbers (doubles unrounded, as {@link Double#toString}), times as ISO
 * 8601 UTC strings. Jackson's streaming generator writes each row as it comes.
 */
final class JsonRowWriter implements RowWriter {

  private static final JsonFactory FACTORY = new JsonFactory();

  private final List<ExportColumn> columns;
  private final JsonGenerator json;

  JsonRowWriter(List<ExportColumn> columns, OutputStream out) throws IOException {
    this.columns = columns;
    this.json = FACTORY.createGenerator(out, JsonEncoding.UTF8);
    // The caller owns the stream: finish() must leave it open for the gzip trailer.
    json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    json.writeStartArray();
  }

  @Override
  public void write(Object[] row) throws IOException {
    json.writeStartObject();
    for (int i = 0; i < row.length; i++) {
      json.writeFieldName(columns.get(i).name());
      Object value = row[i];
      if (value == null) {
        json.writeNull();
      } else {
        switch (columns.get(i).kind()) {
          case STRING -> json.writeString((String) value);
          case DOUBLE -> json.writeNumber((Double) value);
          case LONG -> json.writeNumber((Long) value);
          case INT -> json.writeNumber((Integer) value);
          case BOOLEAN -> json.writeBoolean((Boolean) value);
          case TIMESTAMP -> json.writeString(((Instant) value).toString());
        }
      }
    }
    json.writeEndObject();
  }

  @Override
  public void finish() throws IOException {
    json.writeEndArray();
    json.close();
  }
}
