package org.marketflow.jobs.common.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.marketflow.testing.data.Trades.MINUTE_US;
import static org.marketflow.testing.data.Trades.btc;
import static org.marketflow.testing.data.Trades.trade;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.marketflow.schemas.avro.Trade;
import org.marketflow.schemas.kafka.TopicSpec;

class TradeCheckTest {

  private final TradeCheck check = new TradeCheck();

  @Test
  void passesAGoodTrade() {
    assertThat(check.problemWith(btc(1, 1, 61_837.63, 0.02))).isNull();
    assertThat(check.problemWith(trade("PARIFLOW:e1:o1:YES", MINUTE_US, 1, 0.99, 10))).isNull();
  }

  @Test
  void rejectsWithAPreciseReason() {
    assertThat(check.problemWith(btc(1, 1, -5, 1)))
        .isEqualTo("price must be a positive finite number, not -5.0");
    assertThat(check.problemWith(btc(1, 1, Double.NaN, 1)))
        .isEqualTo("price must be a positive finite number, not NaN");
    assertThat(check.problemWith(btc(1, 1, 100, 0)))
        .isEqualTo("size must be a positive finite number, not 0.0");
    assertThat(check.problemWith(btc(1, 1, 100, Double.POSITIVE_INFINITY)))
        .isEqualTo("size must be a positive finite number, not Infinity");
    assertThat(check.problemWith(trade("btcusdt", MINUTE_US, 1, 1, 1)))
        .isEqualTo("invalid instrument: instrument id must be VENUE:SYMBOL, not 'btcusdt'");
    assertThat(check.problemWith(trade("PARIFLOW:e1:o1:YES", MINUTE_US, 1, 1.5, 1)))
        .isEqualTo("prediction-market price must be within 0.01-0.99, not 1.5");
  }

  @Test
  void remembersValidInstrumentsWithoutForgettingTheirKind() {
    assertThat(check.problemWith(trade("PARIFLOW:e1:o1:YES", MINUTE_US, 1, 0.5, 1))).isNull();
    assertThat(check.problemWith(trade("PARIFLOW:e1:o1:YES", MINUTE_US, 2, 1.5, 1)))
        .isEqualTo("prediction-market price must be within 0.01-0.99, not 1.5");
  }

  @Test
  void refusesATradeIdTooLongForTheArchive() {
    Trade trade = btc(1, 1, 100, 1);
    trade.setTradeId("x".repeat(64));
    assertThat(check.problemWith(trade)).isNull();
    trade.setTradeId("x".repeat(65));
    assertThat(check.problemWith(trade)).isEqualTo("trade id longer than 64 characters");
  }

  @Test
  void believesAVenueTimeOnlyWithinItsBoundsOfTheReceiveTime() {
    PlausibleTime<Trade> time =
        new PlausibleTime<>(
            TopicSpec.TRADES.eventTime(),
            TopicSpec.TRADES.receiveTime(),
            new TimeBounds(Duration.ofSeconds(10), Duration.ofDays(1)));
    Trade trade = btc(1, 1, 100, 1);
    assertThat(time.problemWith(trade)).isNull();
    trade.setReceiveTimeUs(trade.getExchangeTimeUs() - 10_000_000L); // 10 s ahead: believed
    assertThat(time.problemWith(trade)).isNull();
    trade.setReceiveTimeUs(trade.getExchangeTimeUs() - 10_000_001L);
    assertThat(time.problemWith(trade))
        .isEqualTo(
            "event time 1723161241000000 us is more than PT10S ahead of the receive time"
                + " 1723161230999999 us");
    trade.setReceiveTimeUs(trade.getExchangeTimeUs() + 86_400_000_000L); // a day behind
    assertThat(time.problemWith(trade)).isNull();
    trade.setReceiveTimeUs(trade.getExchangeTimeUs() + 86_400_000_001L);
    assertThat(time.problemWith(trade)).contains("is more than PT24H behind the receive time");
    trade.setExchangeTimeUs(0);
    trade.setReceiveTimeUs(0);
    assertThat(time.problemWith(trade)).isEqualTo("event time 0 us is not a time");
  }

  @Test
  void chainsChecksAndStopsAtTheFirstProblem() {
    RecordCheck<Trade> never = t -> "never";
    assertThat(check.and(never).problemWith(btc(1, 1, -1, 1)))
        .startsWith("price must be a positive");
    assertThat(check.and(never).problemWith(btc(1, 1, 1, 1))).isEqualTo("never");
    assertThat(RecordCheck.<Trade>none().problemWith(btc(1, 1, -1, 1))).isNull();
  }
}
