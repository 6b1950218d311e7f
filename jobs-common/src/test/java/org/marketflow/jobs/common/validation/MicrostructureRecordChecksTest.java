package org.marketflow.jobs.common.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.marketflow.testing.data.MicrostructureRecords.liquidity;
import static org.marketflow.testing.data.MicrostructureRecords.second;

import org.junit.jupiter.api.Test;
import org.marketflow.schemas.avro.LiquidityMetrics;
import org.marketflow.schemas.avro.MarketMicrostructure;

/**
 * The checks of the microstructure job's records, {@link LiquidityCheck} and {@link
 * MicrostructureCheck}.
 */
class MicrostructureRecordChecksTest {

  private static final String BTC = "BINANCE:BTCUSDT";
  private static final long MINUTE_MS = 1_723_161_240_000L;

  @Test
  void passesLiquidityWithOrWithoutATotal() {
    LiquidityCheck check = new LiquidityCheck();
    assertThat(check.problemWith(liquidity(BTC, MINUTE_MS, 1_000_000.0))).isNull();
    assertThat(check.problemWith(liquidity(BTC, MINUTE_MS, 0.0))).isNull();
    assertThat(check.problemWith(liquidity(BTC, MINUTE_MS, null))).isNull();
  }

  @Test
  void rejectsANegativeOrNonFiniteLiquidityWithAPreciseReason() {
    LiquidityCheck check = new LiquidityCheck();
    assertThat(check.problemWith(liquidity(BTC, MINUTE_MS, -2.0)))
        .isEqualTo("bidLiquidityUsd must be a finite number of at least 0, not -1.0");
    LiquidityMetrics total = liquidity(BTC, MINUTE_MS, 2.0);
    total.setTotalLiquidityUsd(Double.NaN);
    assertThat(check.problemWith(total))
        .isEqualTo("totalLiquidityUsd must be a finite number of at least 0, not NaN");
    LiquidityMetrics ask = liquidity(BTC, MINUTE_MS, 2.0);
    ask.setAskLiquidityUsd(Double.POSITIVE_INFINITY);
    assertThat(check.problemWith(ask))
        .isEqualTo("askLiquidityUsd must be a finite number of at least 0, not Infinity");
  }

  @Test
  void passesASecondWithSpreadsOrAOneSidedBook() {
    MicrostructureCheck check = new MicrostructureCheck();
    assertThat(check.problemWith(second(BTC, MINUTE_MS, 1.5))).isNull();
    assertThat(check.problemWith(second(BTC, MINUTE_MS, null))).isNull();
  }

  @Test
  void rejectsANegativeOrNonFiniteSpreadOrMidWithAPreciseReason() {
    MicrostructureCheck check = new MicrostructureCheck();
    MarketMicrostructure quoted = second(BTC, MINUTE_MS, 1.5);
    quoted.setQuotedSpreadBps(-0.5);
    assertThat(check.problemWith(quoted))
        .isEqualTo("quotedSpreadBps must be a finite number of at least 0, not -0.5");
    MarketMicrostructure averaged = second(BTC, MINUTE_MS, 1.5);
    averaged.setSpreadBps(Double.NaN);
    assertThat(check.problemWith(averaged))
        .isEqualTo("spreadBps must be a finite number of at least 0, not NaN");
    MarketMicrostructure mid = second(BTC, MINUTE_MS, 1.5);
    mid.setMidPrice(0.0);
    assertThat(check.problemWith(mid))
        .isEqualTo("midPrice must be a positive finite number, not 0.0");
  }
}
