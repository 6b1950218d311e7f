package org.marketflow.ingest.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.marketflow.ingest.feed.FeedOutput;
import org.marketflow.ingest.feed.ForwardingOutput;
import org.marketflow.schemas.avro.BookUpdate;
import org.marketflow.schemas.avro.BookUpdateKind;
import org.marketflow.schemas.avro.FeedState;
import org.marketflow.schemas.avro.FeedStatus;
import org.marketflow.schemas.avro.Quote;
import org.marketflow.schemas.avro.Trade;
import org.marketflow.schemas.kafka.RecordOrigin;

/**
 * A feed's metrics, in Micrometer: what it received by message type, what it published, its
 * statuses (gaps, resyncs, checksum failures, stale instruments), dead letters, the
 * exchange-to-receive and receive-to-Kafka-acknowledgement latencies (with p50, p95 and p99), and
 * each instrument's book completeness. Everything else passes on to the output it wraps.
 *
 * <p>Completeness is {@code covered / (covered + missed)} over the venue's book sequence numbers
 * (Binance update ids, Coinbase sequences): {@code covered} counts the numbers the published deltas
 * span ({@code firstSequence..lastSequence}, each number once; 1 for a delta without them), and
 * {@code missed} the numbers a later snapshot jumped over ({@code its lastSequence - the last one
 * published}): what a gap, a disconnect or a resync lost. 1 means no update was lost; venues
 * without sequence numbers (Kraken) stay at 1 and report losses as checksum failures.
 */
public final class FeedMetrics extends ForwardingOutput {

  static final String PREFIX = "marketflow.ingest.";

  private final MeterRegistry registry;
  private final String venue;
  private final Timer exchangeToReceive;
  private final Timer receiveToAck;
  private final Counter dead;
  private final Counter ignoredMessages;
  private final Map<String, Counter> received = new ConcurrentHashMap<>();
  private final Map<String, Counter> published = new ConcurrentHashMap<>();
  private final Map<String, Counter> statuses = new ConcurrentHashMap<>();
  private final Map<String, Counter> checksums = new ConcurrentHashMap<>();
  private final Map<String, Completeness> completeness = new ConcurrentHashMap<>();

  /** One instrument's sequence numbers covered and missed. */
  private static final class Completeness {
    volatile long covered;
    volatile long missed;
    private Long last;

    void snapshot(Long sequence) {
      if (sequence != null) {
        if (last != null && sequence > last) {
          missed += sequence - last;
        }
        last = last == null ? sequence : Math.max(last, sequence);
      }
    }

    void delta(Long first, Long lastOfDelta) {
      if (first == null || lastOfDelta == null) {
        covered++;
        return;
      }
      long from = last == null ? first : Math.max(first, last + 1);
      if (lastOfDelta >= from) {
        covered += lastOfDelta - from + 1;
      }
      last = last == null ? lastOfDelta : Math.max(last, lastOfDelta);
    }

    double ratio() {
      long total = covered + missed;
      return total == 0 ? 1.0 : (double) covered / total;
    }
  }

  public FeedMetrics(FeedOutput next, MeterRegistry registry, String venue) {
    super(next);
    this.registry = registry;
    this.venue = venue;
    this.exchangeToReceive = latency("exchange.to.receive", "venue's event time to local receipt");
    this.receiveToAck = latency("receive.to.ack", "local receipt to Kafka's acknowledgement");
    this.dead = counter("dead.letters", "Unusable messages sent to the dead-letter topic");
    this.ignoredMessages = counter("ignored", "Valid messages not published (kind, repeat)");
  }

  /** The latency from a record's receipt to Kafka's acknowledgement of it. */
  public Timer receiveToAck() {
    return receiveToAck;
  }

  Timer exchangeToReceive() {
    return exchangeToReceive;
  }

  /** Records that Kafka acknowledged a record received at {@code receiveTimeUs}. */
  public void acknowledged(long receiveTimeUs) {
    record(receiveToAck, nowUs() - receiveTimeUs);
  }

  @Override
  public void trade(Trade trade) {
    published("trade").increment();
    record(exchangeToReceive, trade.getReceiveTimeUs() - trade.getExchangeTimeUs());
    super.trade(trade);
  }

  @Override
  public void quote(Quote quote) {
    published("quote").increment();
    if (quote.getExchangeTimeUs() != quote.getReceiveTimeUs()) { // equal: the venue sent no time
      record(exchangeToReceive, quote.getReceiveTimeUs() - quote.getExchangeTimeUs());
    }
    super.quote(quote);
  }

  @Override
  public void book(BookUpdate update) {
    published(update.getKind().name().toLowerCase(Locale.ROOT)).increment();
    record(exchangeToReceive, update.getReceiveTimeUs() - update.getExchangeTimeUs());
    Completeness sequences = completeness(update.getInstrument());
    if (update.getKind() == BookUpdateKind.DELTA) {
      sequences.delta(update.getFirstSequence(), update.getLastSequence());
    } else {
      sequences.snapshot(update.getLastSequence());
    }
    super.book(update);
  }

  @Override
  public void status(FeedStatus status) {
    String state = status.getState().name();
    counter(
            statuses,
            status.getInstrument() + "|" + state,
            "feed.status",
            "Feed statuses: GAP, RESYNCED, CHECKSUM_MISMATCH, STALE, ...",
            "instrument",
            status.getInstrument(),
            "state",
            state)
        .increment();
    super.status(status);
  }

  @Override
  public void deadLetter(String stage, String reason, RecordOrigin origin, long atUs, byte[] raw) {
    dead.increment();
    super.deadLetter(stage, reason, origin, atUs, raw);
  }

  @Override
  public void received(String instrument, String type) {
    counter(
            received,
            type,
            "messages",
            "Valid messages received, by the venue's type",
            "type",
            type)
        .increment();
    super.received(instrument, type);
  }

  @Override
  public void ignored(String instrument, String why) {
    ignoredMessages.increment();
    super.ignored(instrument, why);
  }

  @Override
  public void checksumVerified(String instrument) {
    counter(
            checksums,
            instrument,
            "checksums.verified",
            "Book updates whose venue checksum matched",
            "instrument",
            instrument)
        .increment();
    super.checksumVerified(instrument);
  }

  /** Valid messages received so far, every type. */
  long messages() {
    return sum(received);
  }

  /** Records published so far, every kind. */
  long published() {
    return sum(published);
  }

  /** Statuses of {@code state} so far, every instrument. */
  long statuses(FeedState state) {
    long total = 0;
    for (Map.Entry<String, Counter> entry : statuses.entrySet()) {
      if (entry.getKey().endsWith("|" + state.name())) {
        total += (long) entry.getValue().count();
      }
    }
    return total;
  }

  long deadLetters() {
    return (long) dead.count();
  }

  /** Every instrument's completeness so far, 0 to 1. */
  Map<String, Double> completeness() {
    Map<String, Double> ratios = new TreeMap<>();
    completeness.forEach((instrument, c) -> ratios.put(instrument, c.ratio()));
    return ratios;
  }

  private static long sum(Map<String, Counter> counters) {
    long total = 0;
    for (Counter counter : counters.values()) {
      total += (long) counter.count();
    }
    return total;
  }

  private Completeness completeness(String instrument) {
    return completeness.computeIfAbsent(
        instrument,
        id -> {
          Completeness c = new Completeness();
          registry.gauge(
              PREFIX + "completeness",
              Tags.of("venue", venue, "instrument", id),
              c,
              Completeness::ratio);
          return c;
        });
  }

  private Counter published(String record) {
    return counter(
        published, record, "published", "Normalized records published, by kind", "record", record);
  }

  /** The counter of {@code key} in {@code counters}, registered with the venue and {@code tags}. */
  private Counter counter(
      Map<String, Counter> counters, String key, String name, String description, String... tags) {
    return counters.computeIfAbsent(
        key,
        k ->
            Counter.builder(PREFIX + name)
                .description(description)
                .tags("venue", venue)
                .tags(tags)
                .register(registry));
  }

  private Counter counter(String name, String description) {
    return Counter.builder(PREFIX + name)
        .description(description)
        .tags("venue", venue)
        .register(registry);
  }

  private Timer latency(String name, String description) {
    return Timer.builder(PREFIX + name)
        .description("Latency from the " + description)
        .tags("venue", venue)
        .publishPercentiles(0.5, 0.95, 0.99)
        .percentilePrecision(2)
        .publishPercentileHistogram()
        .register(registry);
  }

  /** Records a latency; a negative one (clocks apart) counts as zero. */
  private static void record(Timer timer, long micros) {
    timer.record(Math.max(0, micros), TimeUnit.MICROSECONDS);
  }

  private static long nowUs() {
    Instant now = Instant.now();
    return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000L;
  }
}
