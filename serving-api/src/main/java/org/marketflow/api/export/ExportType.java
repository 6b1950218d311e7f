package org.marketflow.api.export;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** What an export reads: the trade archive, OHLC bars or market statistics. */
public enum ExportType {
  TRADES("trades"),
  OHLC("ohlc"),
  STATISTICS("statistics");

  private final String code;

  ExportType(String code) {
    this.code = code;
  }

  /** The value of the {@code type} parameter. */
  public String code() {
    return code;
  }

  public static Optional<ExportType> fromCode(String code) {
    return Arrays.stream(values()).filter(t -> t.code.equals(code)).findFirst();
  }

  /** "trades, ohlc, statistics", for error messages. */
  public static String codes() {
    return Arrays.stream(values()).map(ExportType::code).collect(Collectors.joining(", "));
  }
}
