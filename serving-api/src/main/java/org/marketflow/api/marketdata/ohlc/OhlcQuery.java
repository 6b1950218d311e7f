package org.marketflow.api.marketdata.ohlc;

import static org.marketflow.api.common.QueryParameters.given;

import java.time.Instant;
import java.util.Optional;
import org.marketflow.api.common.MarketSelection;
import org.marketflow.api.common.QueryParameters;
import org.marketflow.api.error.InvalidParameterException;
import org.marketflow.api.persistence.InstrumentSelector;
import org.marketflow.schemas.bars.BarInterval;

/**
 * A validated {@code GET /api/institutional/market-data/ohlc} request. Build it from the raw query
 * strings with {@link #builder()}; {@link Builder#build()} checks them in parameter order and
 * throws an {@link InvalidParameterException} naming the first bad one.
 */
public final class OhlcQuery {

  public static final int DEFAULT_LIMIT = 100;
  public static final int MAX_LIMIT = 1_000;

  private final String instrument;
  private final String eventId;
  private final String outcomeId;
  private final String option;
  private final InstrumentSelector instruments;
  private final BarInterval interval;
  private final Instant startTime;
  private final Instant endTime;
  private final int limit;

  private OhlcQuery(
      Builder b,
      InstrumentSelector instruments,
      BarInterval interval,
      Instant start,
      Instant end,
      int limit) {
    this.instrument = given(b.instrument);
    this.eventId = given(b.eventId);
    this.outcomeId = given(b.outcomeId);
    this.option = given(b.option);
    this.instruments = instruments;
    this.interval = interval;
    this.startTime = start;
    this.endTime = end;
    this.limit = limit;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The exchange (or single PARIFLOW) instrument asked for, or {@code null} for an event. */
  public String instrument() {
    return instrument;
  }

  /** The event asked for, or {@code null} when an instrument was. */
  public String eventId() {
    return eventId;
  }

  public String outcomeId() {
    return outcomeId;
  }

  public String option() {
    return option;
  }

  /** The instruments to read, from either {@code instrument} or the event filters. */
  public InstrumentSelector instruments() {
    return instruments;
  }

  public BarInterval interval() {
    return interval;
  }

  /** Inclusive lower bound on the bucket start. */
  public Optional<Instant> startTime() {
    return Optional.ofNullable(startTime);
  }

  /** Exclusive upper bound on the bucket start. */
  public Optional<Instant> endTime() {
    return Optional.ofNullable(endTime);
  }

  public int limit() {
    return limit;
  }

  /** Collects the raw query parameters; {@code null} or empty means absent. */
  public static final class Builder {
    private String eventId;
    private String outcomeId;
    private String option;
    private String instrument;
    private String interval;
    private String startTime;
    private String endTime;
    private String limit;

    private Builder() {}

    public Builder eventId(String eventId) {
      this.eventId = eventId;
      return this;
    }

    public Builder outcomeId(String outcomeId) {
      this.outcomeId = outcomeId;
      return this;
    }

    public Builder option(String option) {
      this.option = option;
      return this;
    }

    public Builder instrument(String instrument) {
      this.instrument = instrument;
      return this;
    }

    public Builder interval(String interval) {
      this.interval = interval;
      return this;
    }

    public Builder startTime(String startTime) {
      this.startTime = startTime;
      return this;
    }

    public Builder endTime(String endTime) {
      this.endTime = endTime;
      return this;
    }

    public Builder limit(String limit) {
      this.limit = limit;
      return this;
    }

    /**
     * Validates the parameters.
     *
     * @throws InvalidParameterException for the first missing, malformed or conflicting parameter
     */
    public OhlcQuery build() {
      InstrumentSelector instruments = selector();
      BarInterval barInterval = interval();
      Instant start = QueryParameters.instant("startTime", startTime);
      Instant end = QueryParameters.instant("endTime", endTime);
      if (start != null && end != null && start.isAfter(end)) {
        throw new InvalidParameterException(
            "startTime", startTime, "must not be after endTime (" + endTime + ")");
      }
      int max = QueryParameters.intInRange("limit", limit, 1, MAX_LIMIT, DEFAULT_LIMIT);
      return new OhlcQuery(this, instruments, barInterval, start, end, max);
    }

    private InstrumentSelector selector() {
      return MarketSelection.of(eventId, outcomeId, option, instrument).selector();
    }

    private BarInterval interval() {
      if (given(interval) == null) {
        throw new InvalidParameterException(
            "interval", null, "required; expected one of " + BarInterval.codes());
      }
      return BarInterval.fromCode(interval)
          .orElseThrow(
              () ->
                  new InvalidParameterException(
                      "interval",
                      interval,
                      "unknown interval; expected one of " + BarInterval.codes()));
    }
  }
}
