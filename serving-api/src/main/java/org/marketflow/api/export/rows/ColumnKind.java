package org.marketflow.api.export.rows;

/**
 * The value types of export columns, and the Java type a row holds for each; any value may be
 * {@code null}. Writers map them: JSON and CSV write numbers as numbers and times as ISO 8601 UTC
 * text, Parquet uses the matching physical type.
 */
public enum ColumnKind {
  /** {@link String}; Parquet {@code BINARY (STRING)}. */
  STRING,
  /** {@link Double}; Parquet {@code DOUBLE}. */
  DOUBLE,
  /** {@link Long}; Parquet {@code INT64}. */
  LONG,
  /** {@link Integer}; Parquet {@code INT32}. */
  INT,
  /** {@link Boolean}; Parquet {@code BOOLEAN}. */
  BOOLEAN,
  /**
   * {@link java.time.Instant}, microsecond precision as PostgreSQL stores it; Parquet {@code INT64
   * (TIMESTAMP(MICROS, true))}.
   */
  TIMESTAMP
}
