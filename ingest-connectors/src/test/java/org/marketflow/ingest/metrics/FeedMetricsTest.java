package org.marketflow.ingest.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.marketflow.ingest.feed.Discard;
import org.marketflow.ingest.feed.FeedStatuses;
import org.marketflow.schemas.avro.BookUpdate;
import org.marketflow.schemas.avro.BookUpdateKind;
import org.marketflow.schemas.avro.FeedState;
import org.marketflow.schemas.avro.Side;
import org.marketflow.schemas.avro.Trade;

class FeedMetricsTest {

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final FeedMetrics metrics = new FeedMetrics(Discard.INSTANCE, registry, "binance-spot");

  @Test
  void percentilesOfTheExchangeToReceiveLatencyMatchASortedList() {
    SplittableRandom random = new SplittableRandom(3);
    long[] latenciesUs = new long[20_000];
    for (int i = 0; i < latenciesUs.length; i++) {
      latenciesUs[i] = (long) (-Math.log(1 - random.nextDouble()) * 20_000); // mean 20 ms
      metrics.trade(trade(1_000_000L * i, latenciesUs[i]));
    }
    long[] sorted = latenciesUs.clone();
    Arrays.sort(sorted);
    ValueAtPercentile[] measured = metrics.exchangeToReceive().takeSnapshot().percentileValues();
    double[] expected = {0.5, 0.95, 0.99};
    for (int i = 0; i < expected.length; i++) {
      double exactMs = sorted[(int) Math.ceil(expected[i] * sorted.length) - 1] / 1000.0;
      assertThat(measured[i].percentile()).isEqualTo(expected[i]);
      assertThat(measured[i].value(TimeUnit.MILLISECONDS))
          .as("p" + expected[i])
          .isCloseTo(exactMs, within(exactMs * 0.02)); // two significant digits
    }
  }

  @Test
  void completenessCountsTheSequenceNumbersAResyncJumpedOver() {
    metrics.book(update(BookUpdateKind.SNAPSHOT, "BINANCE:BTCUSDT", null, 0L));
    metrics.book(update(BookUpdateKind.DELTA, "BINANCE:BTCUSDT", -3L, 90L)); // 1..90 are new
    metrics.book(update(BookUpdateKind.SNAPSHOT, "BINANCE:BTCUSDT", null, 100L)); // 91..100 lost
    metrics.book(update(BookUpdateKind.DELTA, "BINANCE:BTCUSDT", 95L, 101L)); // 101 is new
    metrics.book(update(BookUpdateKind.DELTA, "BINANCE:ETHUSDT", 5L, 9L));
    metrics.book(update(BookUpdateKind.DELTA, "KRAKEN:XBT/USD", null, null));

    assertThat(metrics.completeness())
        .containsEntry("BINANCE:BTCUSDT", 91.0 / 101)
        .containsEntry("BINANCE:ETHUSDT", 1.0)
        .containsEntry("KRAKEN:XBT/USD", 1.0);
    assertThat(registry.scrape())
        .contains(
            "marketflow_ingest_completeness{instrument=\"BINANCE:BTCUSDT\",venue=\"binance-spot\"}"
                + " 0.900990099009901");
  }

  @Test
  void messagesRecordsAndStatusesAreCountedByTypeForPrometheus() {
    metrics.received("BINANCE:BTCUSDT", "depthUpdate");
    metrics.received("BINANCE:BTCUSDT", "depthUpdate");
    metrics.received("BINANCE:BTCUSDT", "trade");
    metrics.trade(trade(1_000_000L, 5_000));
    metrics.book(update(BookUpdateKind.DELTA, "BINANCE:BTCUSDT", 1L, 2L));
    metrics.status(FeedStatuses.of("BINANCE:BTCUSDT", FeedState.RESYNCED, 1L, null));
    metrics.deadLetter("ingest.live.binance-spot", "bad", null, 0L, new byte[0]);
    metrics.acknowledged(0L);

    assertThat(metrics.messages()).isEqualTo(3);
    assertThat(metrics.published()).isEqualTo(2);
    String scraped = registry.scrape();
    for (String line :
        List.of(
            "marketflow_ingest_messages_total{type=\"depthUpdate\",venue=\"binance-spot\"} 2.0",
            "marketflow_ingest_published_total{record=\"delta\",venue=\"binance-spot\"} 1.0",
            "marketflow_ingest_feed_status_total{instrument=\"BINANCE:BTCUSDT\","
                + "state=\"RESYNCED\",venue=\"binance-spot\"} 1.0",
            "marketflow_ingest_dead_letters_total{venue=\"binance-spot\"} 1.0",
            "marketflow_ingest_receive_to_ack_seconds_count{venue=\"binance-spot\"} 1")) {
      assertThat(scraped).contains(line);
    }
    assertThat(new SummaryLine("live binance-spot", metrics, 0L).next(1_000_000_000L))
        .startsWith("live binance-spot: 3 messages (3/s), 2 published, gaps 0, resyncs 1,")
        .contains("dead letters 1")
        .contains("exchange->receive p50/p95/p99 1.0/5.0/5.0 ms") // the delta 1 ms, the trade 5
        .endsWith("completeness 100.0000%");
  }

  private static Trade trade(long exchangeTimeUs, long latencyUs) {
    return Trade.newBuilder()
        .setInstrument("BINANCE:BTCUSDT")
        .setExchangeTimeUs(exchangeTimeUs)
        .setReceiveTimeUs(exchangeTimeUs + latencyUs)
        .setPrice(60_000)
        .setSize(1)
        .setSide(Side.BUY)
        .build();
  }

  private static BookUpdate update(
      BookUpdateKind kind, String instrument, Long firstSequence, Long lastSequence) {
    return BookUpdate.newBuilder()
        .setInstrument(instrument)
        .setExchangeTimeUs(1_000_000L)
        .setReceiveTimeUs(1_001_000L)
        .setKind(kind)
        .setFirstSequence(firstSequence)
        .setLastSequence(lastSequence)
        .setBids(List.of())
        .setAsks(List.of())
        .build();
  }
}
