package org.marketflow.api.marketdata.orderbook;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * An {@code OrderBookSnapshot} as jobs-microstructure writes it to {@code market:book:{id}} (the
 * record's Avro fields as JSON, docs/jobs/microstructure.md) or as a row of {@code
 * order_book_snapshots}: levels best first, times in epoch microseconds. Fields the endpoint does
 * not serve (checksum, reason, sequence) are ignored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BookSnapshot(
    String instrument,
    long snapshotTimeUs,
    int bookBidLevels,
    int bookAskLevels,
    List<Level> bids,
    List<Level> asks) {

  /** A price level: price, size in base units, and the venue's order count or {@code null}. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Level(double price, double size, Integer orderCount) {}
}
