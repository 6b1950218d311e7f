package org.marketflow.jobs.analytics.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.co.KeyedCoProcessOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;
import org.marketflow.jobs.analytics.records.RegimeReading;
import org.marketflow.jobs.analytics.records.RegimeReading.Kind;
import org.marketflow.schemas.avro.MarketRegimeIndicators;

class RegimeJoinTest {

  private static final String BTC = "BINANCE:BTCUSDT";
  private static final String SOL = "BINANCE:SOLUSDT";
  private static final long T0 = 1_723_161_240_000L; // a minute boundary
  private static final long MINUTE_MS = 60_000L;
  private static final long STALENESS_MS = 5 * MINUTE_MS;

  @Test
  void fillsEachRecordWithTheLatestReadingsThatHoldWhenTheWatermarkPassesIt() throws Exception {
    try (KeyedTwoInputStreamOperatorTestHarness<
            String, MarketRegimeIndicators, RegimeReading, MarketRegimeIndicators>
        harness = harness()) {
      harness.open();
      for (int m = 1; m <= 8; m++) {
        harness.processElement1(regime(BTC, m), at(m) - MINUTE_MS);
      }
      // Liquidity of minutes ending at 1 and 3 (nothing after: the last one goes stale after 8),
      // the correlation steps ending at 1, 2 and 4 (1-minute sampling: none holds at 3).
      harness.processElement2(liquidity(BTC, 1, "NORMAL"), at(1) - MINUTE_MS);
      harness.processElement2(liquidity(BTC, 3, "STRESSED"), at(3) - MINUTE_MS);
      for (int m : new int[] {1, 2, 4}) {
        harness.processElement2(correlation(BTC, m, m == 4 ? "CRISIS" : "NORMAL"), at(m) - 1);
      }
      harness.processElement2(liquidity(SOL, 2, "CRISIS"), at(2) - MINUTE_MS);
      assertThat(harness.extractOutputValues()).isEmpty();

      harness.processWatermark1(new Watermark(at(4) - 1));
      assertThat(harness.extractOutputValues()).isEmpty(); // the readings' watermark is behind
      harness.processWatermark2(new Watermark(at(4) - 1));
      assertThat(harness.extractOutputValues())
          .extracting(
              r -> r.getTimestampUs() / 1_000L,
              MarketRegimeIndicators::getLiquidityRegime,
              MarketRegimeIndicators::getCorrelationRegime)
          .containsExactly(
              tuple(at(1), "NORMAL", "NORMAL"),
              tuple(at(2), "NORMAL", "NORMAL"),
              tuple(at(3), "STRESSED", null),
              tuple(at(4), "STRESSED", "CRISIS"));

      harness.processWatermark1(new Watermark(Long.MAX_VALUE));
      harness.processWatermark2(new Watermark(Long.MAX_VALUE));
      assertThat(harness.extractOutputValues())
          .extracting(
              r -> r.getTimestampUs() / 1_000L,
              MarketRegimeIndicators::getLiquidityRegime,
              MarketRegimeIndicators::getCorrelationRegime)
          .endsWith(
              tuple(at(7), "STRESSED", null),
              tuple(at(8), "STRESSED", null)) // 5 minutes after the minute ending at 3
          .hasSize(8);
      assertThat(harness.numKeyedStateEntries()).isZero();
      assertThat(harness.numEventTimeTimers()).isZero();

      // A record behind the watermark leaves at once, with what is held (nothing now).
      harness.processElement1(regime(BTC, 9), at(9) - MINUTE_MS);
      assertThat(harness.extractOutputValues()).hasSize(9);
      assertThat(harness.extractOutputValues().get(8).getLiquidityRegime()).isNull();
    }
  }

  @Test
  void aStaleLiquidityValueLeavesTheRegimeNull() throws Exception {
    try (KeyedTwoInputStreamOperatorTestHarness<
            String, MarketRegimeIndicators, RegimeReading, MarketRegimeIndicators>
        harness = harness()) {
      harness.open();
      harness.processElement2(liquidity(BTC, 1, "CRISIS"), at(1) - MINUTE_MS);
      harness.processElement1(regime(BTC, 6), at(6) - MINUTE_MS);
      harness.processElement1(regime(BTC, 7), at(7) - MINUTE_MS);
      harness.processBothWatermarks(new Watermark(at(7)));
      assertThat(harness.extractOutputValues())
          .extracting(MarketRegimeIndicators::getLiquidityRegime)
          .containsExactly("CRISIS", null); // 5 minutes after its minute's end, then not
    }
  }

  private static KeyedTwoInputStreamOperatorTestHarness<
          String, MarketRegimeIndicators, RegimeReading, MarketRegimeIndicators>
      harness() throws Exception {
    return new KeyedTwoInputStreamOperatorTestHarness<>(
        new KeyedCoProcessOperator<>(new RegimeJoin()),
        r -> r.getInstrument(),
        r -> r.instrument,
        Types.STRING);
  }

  /** The end of minute {@code m}. */
  private static long at(int m) {
    return T0 + m * MINUTE_MS;
  }

  private static MarketRegimeIndicators regime(String instrument, int m) {
    return MarketRegimeIndicators.newBuilder()
        .setInstrument(instrument)
        .setTimestampUs(at(m) * 1_000L)
        .setTrendDirection("SIDEWAYS")
        .setRegime("UNKNOWN_VOL_RANGING")
        .build();
  }

  private static RegimeReading liquidity(String instrument, int m, String regime) {
    return new RegimeReading(instrument, Kind.LIQUIDITY, at(m), at(m) + STALENESS_MS + 1, regime);
  }

  private static RegimeReading correlation(String instrument, int m, String regime) {
    return new RegimeReading(instrument, Kind.CORRELATION, at(m), at(m) + MINUTE_MS, regime);
  }
}
