package org.marketflow.api.marketdata.ohlc;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.marketflow.api.cache.CacheTtls;
import org.marketflow.api.cache.ResponseCache;

/** Answers OHLC queries from the bar store, through the answer cache. */
@ApplicationScoped
public class OhlcService {

  static final String ENDPOINT = "ohlc";

  private final OhlcBarRepository repository;
  private final ResponseCache.Answers<OhlcResponse> answers;
  private final Clock clock;

  public OhlcService(OhlcBarRepository repository, ResponseCache cache) {
    this.repository = repository;
    this.answers = cache.answers(ENDPOINT, OhlcResponse.class);
    this.clock = Clock.systemUTC();
  }

  /**
   * With a start time, the first {@code limit} bars from it; without, the latest {@code limit} bars
   * before the end time, or before now; after the cursor when there is one, gap-filled when asked.
   *
   * @return the {@link OhlcResponse} as JSON
   */
  public byte[] find(OhlcQuery query) {
    return answers.get(query.cacheKey(), CacheTtls.ohlc(query.interval()), () -> load(query));
  }

  private OhlcResponse load(OhlcQuery query) {
    Instant start = query.startTime().orElse(null);
    Instant end = query.endTime().orElse(start == null ? clock.instant() : null);
    OhlcCursor cursor = query.cursor().orElse(null);
    List<StoredOhlcBar> rows =
        repository.read(
            query.instruments(), query.interval(), start, end, cursor, query.limit() + 1);
    boolean fill = query.fill() == GapFill.PREVIOUS;
    long seconds = query.interval().millis() / 1_000;
    OhlcPager.Page page =
        start != null
            ? OhlcPager.forward(rows, cursor, seconds, fill, query.limit())
            : OhlcPager.backward(rows, cursor, seconds, fill, query.limit());
    return new OhlcResponse(
        query.instrument(),
        query.eventId(),
        query.interval().code(),
        query.fill().code(),
        page.bars().size(),
        page.next() == null ? null : page.next().encode(),
        page.bars());
  }
}
