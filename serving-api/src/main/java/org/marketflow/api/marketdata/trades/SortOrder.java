package org.marketflow.api.marketdata.trades;

import static org.marketflow.api.common.QueryParameters.given;

import org.marketflow.api.error.InvalidParameterException;

/** The {@code sort} parameter: trades by ascending or descending exchange time. */
public enum SortOrder {
  ASC,
  DESC;

  /** Newest first unless asked otherwise: the usual question is "the latest trades". */
  public static final SortOrder DEFAULT = DESC;

  public String code() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /** {@code asc} or {@code desc}; {@link #DEFAULT} when absent. */
  public static SortOrder parse(String parameter, String raw) {
    if (given(raw) == null) {
      return DEFAULT;
    }
    return switch (raw) {
      case "asc" -> ASC;
      case "desc" -> DESC;
      default -> throw new InvalidParameterException(parameter, raw, "must be asc or desc");
    };
  }
}
