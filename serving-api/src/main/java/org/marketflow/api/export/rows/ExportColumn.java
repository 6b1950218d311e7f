package org.marketflow.api.export.rows;

/** One column of an export: its name in every format and its value type. */
public record ExportColumn(String name, ColumnKind kind) {

  public static ExportColumn string(String name) {
    return new ExportColumn(name, ColumnKind.STRING);
  }

  public static ExportColumn decimal(String name) {
    return new ExportColumn(name, ColumnKind.DOUBLE);
  }

  public static ExportColumn int64(String name) {
    return new ExportColumn(name, ColumnKind.LONG);
  }

  public static ExportColumn int32(String name) {
    return new ExportColumn(name, ColumnKind.INT);
  }

  public static ExportColumn bool(String name) {
    return new ExportColumn(name, ColumnKind.BOOLEAN);
  }

  public static ExportColumn time(String name) {
    return new ExportColumn(name, ColumnKind.TIMESTAMP);
  }
}
