package org.marketflow.schemas.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.marketflow.schemas.avro.MarketStatistics;
import org.marketflow.schemas.redis.RecordJson;
import org.marketflow.schemas.redis.RedisKeys;

/** The statistics topic and Redis key: by instrument, stamped with the period's end. */
class StatisticsTopicTest {

  private static final long END_US = 1_723_161_600_000_000L;

  static MarketStatistics statistics() {
    return MarketStatistics.newBuilder()
        .setInstrument("PARIFLOW:e1:o1:YES")
        .setPeriod("1h")
        .setPeriodStartUs(END_US - 3_600_000_000L)
        .setPeriodEndUs(END_US)
        .setBarCount(0)
        .setVolume(0.0)
        .setQuoteVolume(0.0)
        .setTrades(0)
        .setBuyVolume(0.0)
        .setSellVolume(0.0)
        .build();
  }

  @Test
  void statisticsAreKeyedByInstrumentAndStampedWithThePeriodEnd() {
    MarketStatistics statistics = statistics();
    assertThat(TopicSpec.STATISTICS.name()).isEqualTo(Topics.STATISTICS);
    assertThat(new String(TopicSpec.STATISTICS.keyBytes(statistics), StandardCharsets.UTF_8))
        .isEqualTo("PARIFLOW:e1:o1:YES");
    assertThat(TopicSpec.STATISTICS.timestampMs(statistics)).isEqualTo(END_US / 1_000L);
    assertThat(TopicSpec.STATISTICS.hasReceiveTime()).isFalse();
  }

  @Test
  void anEmptyPeriodIsJsonWithNullPrices() {
    assertThat(RedisKeys.statistics("PARIFLOW:e1:o1:YES", "1h"))
        .isEqualTo("market:stats:PARIFLOW:e1:o1:YES:1h");
    assertThat(RecordJson.of(statistics()))
        .isEqualTo(
            "{\"instrument\":\"PARIFLOW:e1:o1:YES\",\"period\":\"1h\","
                + "\"periodStartUs\":1723158000000000,\"periodEndUs\":1723161600000000,"
                + "\"barCount\":0,\"volume\":0.0,\"quoteVolume\":0.0,\"trades\":0,"
                + "\"buyVolume\":0.0,\"sellVolume\":0.0,\"open\":null,\"high\":null,\"low\":null,"
                + "\"close\":null,\"vwap\":null,\"volatility\":null,\"annualizedVolatility\":null,"
                + "\"liquidityUsd\":null,\"liquidityBucketStartUs\":null}");
  }
}
