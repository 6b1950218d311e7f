package org.marketflow.api.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.api.ReadSupport;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.schema.MessageType;
import org.marketflow.api.export.rows.ExportColumn;

/**
 * Reads export files back, each format with its own library (Jackson, Commons CSV, parquet-java),
 * into rows of Java values in the columns' order: {@link String}, {@link Double}, {@link Long},
 * {@link Integer}, {@link Boolean}, {@link Instant} or {@code null}, as the fixtures express them.
 */
final class ExportFiles {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ExportFiles() {}

  /** What an export file holds: its header (names in file order) and its rows. */
  record Parsed(List<String> header, List<List<Object>> rows) {}

  static Parsed parse(byte[] gzip, ExportFormat format, List<ExportColumn> columns)
      throws IOException {
    return switch (format) {
      case JSON -> json(gunzip(gzip), columns);
      case CSV -> csv(gunzip(gzip), columns);
      case PARQUET -> parquet(gunzip(gzip), columns);
    };
  }

  static InputStream gunzip(byte[] gzip) throws IOException {
    return new GZIPInputStream(new ByteArrayInputStream(gzip));
  }

  private static Parsed json(InputStream in, List<ExportColumn> columns) throws IOException {
    JsonNode array = JSON.readTree(in);
    List<List<Object>> rows = new ArrayList<>();
    List<String> header = new ArrayList<>();
    for (JsonNode object : array) {
      if (header.isEmpty()) {
        object.fieldNames().forEachRemaining(header::add);
      }
      List<Object> row = new ArrayList<>();
      for (ExportColumn column : columns) {
        JsonNode value = object.get(column.name());
        row.add(value == null || value.isNull() ? null : jsonValue(column, value));
      }
      rows.add(row);
    }
    return new Parsed(header, rows);
  }

  private static Object jsonValue(ExportColumn column, JsonNode value) {
    return switch (column.kind()) {
      case STRING -> value.textValue();
      case DOUBLE -> value.doubleValue();
      case LONG -> value.longValue();
      case INT -> value.intValue();
      case BOOLEAN -> value.booleanValue();
      case TIMESTAMP -> Instant.parse(value.textValue());
    };
  }

  private static Parsed csv(InputStream in, List<ExportColumn> columns) throws IOException {
    Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
    CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
    List<List<Object>> rows = new ArrayList<>();
    try (CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
      for (CSVRecord record : parser) {
        List<Object> row = new ArrayList<>();
        for (ExportColumn column : columns) {
          String cell = record.get(column.name());
          row.add(cell.isEmpty() ? null : csvValue(column, cell));
        }
        rows.add(row);
      }
      return new Parsed(parser.getHeaderNames(), rows);
    }
  }

  private static Object csvValue(ExportColumn column, String cell) {
    return switch (column.kind()) {
      case STRING -> cell;
      case DOUBLE -> Double.parseDouble(cell);
      case LONG -> Long.parseLong(cell);
      case INT -> Integer.parseInt(cell);
      case BOOLEAN -> Boolean.parseBoolean(cell);
      case TIMESTAMP -> Instant.parse(cell);
    };
  }

  private static Parsed parquet(InputStream in, List<ExportColumn> columns) throws IOException {
    Path file = Files.createTempFile("export", ".parquet");
    try {
      Files.copy(in, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      PlainParquetConfiguration conf = new PlainParquetConfiguration();
      List<List<Object>> rows = new ArrayList<>();
      List<String> header = new ArrayList<>();
      try (ParquetReader<Group> reader =
          new ParquetReader.Builder<Group>(new LocalInputFile(file), conf) {
            @Override
            protected ReadSupport<Group> getReadSupport() {
              return new GroupReadSupport();
            }
          }.build()) {
        for (Group group = reader.read(); group != null; group = reader.read()) {
          if (header.isEmpty()) {
            MessageType schema = (MessageType) group.getType();
            schema.getFields().forEach(f -> header.add(f.getName()));
          }
          List<Object> row = new ArrayList<>();
          for (ExportColumn column : columns) {
            String name = column.name();
            row.add(group.getFieldRepetitionCount(name) == 0 ? null : parquetValue(column, group));
          }
          rows.add(row);
        }
      }
      return new Parsed(header, rows);
    } finally {
      Files.deleteIfExists(file);
    }
  }

  private static Object parquetValue(ExportColumn column, Group group) {
    String name = column.name();
    return switch (column.kind()) {
      case STRING -> group.getString(name, 0);
      case DOUBLE -> group.getDouble(name, 0);
      case LONG -> group.getLong(name, 0);
      case INT -> group.getInteger(name, 0);
      case BOOLEAN -> group.getBoolean(name, 0);
      case TIMESTAMP -> {
        long micros = group.getLong(name, 0);
        yield Instant.ofEpochSecond(
            Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
      }
    };
  }

  /** Rows as {@link Arrays#asList}, for readable comparisons. */
  static List<Object> row(Object... values) {
    return Arrays.asList(values);
  }
}
