package org.marketflow.api.export;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The file format of an export. Every export is one gzip file ({@code .json.gz}, {@code .csv.gz},
 * {@code .parquet.gz}) served as {@code application/gzip}: the file is compressed, not the
 * transfer, so what a client saves is what it downloaded.
 */
public enum ExportFormat {
  /** A JSON array of objects, one per row. */
  JSON("json"),
  /** RFC 4180 CSV with a header line; see {@link org.marketflow.api.export.write.CsvRowWriter}. */
  CSV("csv"),
  /** Apache Parquet, uncompressed pages inside the gzip. */
  PARQUET("parquet");

  /** The media type of every export file. */
  public static final String MEDIA_TYPE = "application/gzip";

  private final String code;

  ExportFormat(String code) {
    this.code = code;
  }

  /** The value of the {@code format} parameter. */
  public String code() {
    return code;
  }

  /** The file name's extension, gzip included: {@code csv.gz}. */
  public String fileExtension() {
    return code + ".gz";
  }

  public static Optional<ExportFormat> fromCode(String code) {
    return Arrays.stream(values()).filter(f -> f.code.equals(code)).findFirst();
  }

  /** "json, csv, parquet", for error messages. */
  public static String codes() {
    return Arrays.stream(values()).map(ExportFormat::code).collect(Collectors.joining(", "));
  }
}
