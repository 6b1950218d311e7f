package org.marketflow.api.export.write;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;
import org.marketflow.api.export.rows.ExportColumn;

/**
 * Apache Parquet through parquet-java, one optional field per column ({@link
 * org.marketflow.api.export.rows.ColumnKind} says which type), no page compression: the whole file
 * is gzipped by the caller. Memory is bounded by one row group ({@link #ROW_GROUP_BYTES}), which
 * parquet-java buffers before writing it out, whatever the number of rows.
 *
 * <p>Hadoop is never configured: a {@link PlainParquetConfiguration} and a {@link StreamOutputFile}
 * keep parquet-java off Hadoop's file systems; hadoop-common is on the classpath only for the
 * classes its API links against.
 */
final class ParquetRowWriter implements RowWriter {

  /** Rows are buffered up to this many bytes per row group: the writer's memory bound. */
  static final long ROW_GROUP_BYTES = 8L * 1024 * 1024;

  static final int PAGE_BYTES = 1024 * 1024;

  private final ParquetWriter<Object[]> parquet;

  ParquetRowWriter(List<ExportColumn> columns, OutputStream out) throws IOException {
    this.parquet =
        new Builder(new StreamOutputFile(out), columns)
            .withConf(new PlainParquetConfiguration())
            .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
            .withCompressionCodec(CompressionCodecName.UNCOMPRESSED)
            .withRowGroupSize(ROW_GROUP_BYTES)
            .withPageSize(PAGE_BYTES)
            .build();
  }

  /** The Parquet schema of rows of {@code columns}: every field optional, named as the column. */
  static MessageType schema(List<ExportColumn> columns) {
    Types.MessageTypeBuilder message = Types.buildMessage();
    for (ExportColumn column : columns) {
      switch (column.kind()) {
        case STRING ->
            message
                .optional(PrimitiveTypeName.BINARY)
                .as(LogicalTypeAnnotation.stringType())
                .named(column.name());
        case DOUBLE -> message.optional(PrimitiveTypeName.DOUBLE).named(column.name());
        case LONG -> message.optional(PrimitiveTypeName.INT64).named(column.name());
        case INT -> message.optional(PrimitiveTypeName.INT32).named(column.name());
        case BOOLEAN -> message.optional(PrimitiveTypeName.BOOLEAN).named(column.name());
        case TIMESTAMP ->
            message
                .optional(PrimitiveTypeName.INT64)
                .as(
                    LogicalTypeAnnotation.timestampType(
                        true, LogicalTypeAnnotation.TimeUnit.MICROS))
                .named(column.name());
      }
    }
    return message.named("export");
  }

  /** Microseconds since the epoch, the unit of the timestamp columns. */
  static long epochMicros(Instant instant) {
    return Math.addExact(
        Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
  }

  @Override
  public void write(Object[] row) throws IOException {
    parquet.write(row);
  }

  @Override
  public void finish() throws IOException {
    // Writes the last row group and the footer; StreamOutputFile leaves the stream open.
    parquet.close();
  }

  private static final class Builder extends ParquetWriter.Builder<Object[], Builder> {

    private final List<ExportColumn> columns;

    Builder(OutputFile file, List<ExportColumn> columns) {
      super(file);
      this.columns = columns;
    }

    @Override
    protected Builder self() {
      return this;
    }

    @Override
    protected WriteSupport<Object[]> getWriteSupport(ParquetConfiguration conf) {
      return new RowWriteSupport(columns);
    }

    @Override
    protected WriteSupport<Object[]> getWriteSupport(org.apache.hadoop.conf.Configuration conf) {
      return new RowWriteSupport(columns);
    }
  }

  /** Hands each row's non-null values to Parquet's record consumer, field by field. */
  private static final class RowWriteSupport extends WriteSupport<Object[]> {

    private final List<ExportColumn> columns;
    private final MessageType schema;
    private RecordConsumer consumer;

    RowWriteSupport(List<ExportColumn> columns) {
      this.columns = columns;
      this.schema = schema(columns);
    }

    @Override
    public WriteContext init(ParquetConfiguration configuration) {
      return new WriteContext(schema, Map.of());
    }

    @Override
    public WriteContext init(org.apache.hadoop.conf.Configuration configuration) {
      return new WriteContext(schema, Map.of());
    }

    @Override
    public void prepareForWrite(RecordConsumer recordConsumer) {
      this.consumer = recordConsumer;
    }

    @Override
    public void write(Object[] row) {
      consumer.startMessage();
      for (int i = 0; i < row.length; i++) {
        Object value = row[i];
        if (value == null) {
          continue;
        }
        String name = columns.get(i).name();
        consumer.startField(name, i);
        switch (columns.get(i).kind()) {
          case STRING -> consumer.addBinary(Binary.fromString((String) value));
          case DOUBLE -> consumer.addDouble((Double) value);
          case LONG -> consumer.addLong((Long) value);
          case INT -> consumer.addInteger((Integer) value);
          case BOOLEAN -> consumer.addBoolean((Boolean) value);
          case TIMESTAMP -> consumer.addLong(epochMicros((Instant) value));
        }
        consumer.endField(name, i);
      }
      consumer.endMessage();
    }
  }
}
