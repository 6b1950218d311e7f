package org.marketflow.ingest.feed;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The venues this suite has a feed for, by their command-line name. */
public enum Venue {
  BINANCE_SPOT("binance-spot", "BINANCE"),
  BINANCE_USDM("binance-usdm", "BINANCE_USDM"),
  COINBASE("coinbase", "COINBASE"),
  KRAKEN("kraken", "KRAKEN"),
  PARIFLOW("pariflow", "PARIFLOW");

  private final String cliName;
  private final String instrumentVenue;

  Venue(String cliName, String instrumentVenue) {
    this.cliName = cliName;
    this.instrumentVenue = instrumentVenue;
  }

  /** The name on the command line, e.g. {@code binance-usdm}. */
  public String cliName() {
    return cliName;
  }

  /** The venue part of its instrument ids, e.g. {@code BINANCE_USDM}. */
  public String instrumentVenue() {
    return instrumentVenue;
  }

  /** The dead-letter stage of this venue's feed in {@code mode} (replay, live, check). */
  public String stage(String mode) {
    return "ingest." + mode + "." + cliName;
  }

  /**
   * The venue of a command-line name.
   *
   * @throws IllegalArgumentException naming the known venues
   */
  public static Venue named(String name) {
    for (Venue venue : values()) {
      if (venue.cliName.equals(name.toLowerCase(Locale.ROOT))) {
        return venue;
      }
    }
    throw new IllegalArgumentException(
        "unknown venue '"
            + name
            + "': one of "
            + Arrays.stream(values()).map(Venue::cliName).collect(Collectors.joining(", ")));
  }
}
