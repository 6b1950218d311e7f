package org.marketflow.api.marketdata.ohlc;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** Answers OHLC queries from the bar store. */
@ApplicationScoped
public class OhlcService {

  private final OhlcBarRepository repository;
  private final Clock clock;

  public OhlcService(OhlcBarRepository repository) {
    this.repository = repository;
    this.clock = Clock.systemUTC();
  }

  /**
   * With a start time, the first {@code limit} bars from it; without, the latest {@code limit} bars
   * before the end time, or before now.
   */
  public OhlcResponse find(OhlcQuery query) {
    Instant start = query.startTime().orElse(null);
    Instant end = query.endTime().orElse(start == null ? clock.instant() : null);
    List<OhlcResponse.Bar> bars =
        repository.find(query.instruments(), query.interval(), start, end, query.limit()).stream()
            .map(OhlcResponse.Bar::of)
            .toList();
    return new OhlcResponse(
        query.instrument(), query.eventId(), query.interval().code(), bars.size(), bars);
  }
}
