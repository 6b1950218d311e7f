package org.marketflow.jobs.microstructure.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class MicrostructureParamsTest {

  @Test
  void hasTheDocumentedDefaults() {
    MicrostructureParams p = MicrostructureParams.DEFAULTS;
    assertThat(p.depthBandBps()).isEqualTo(10.0);
    assertThat(p.liquidityBandBps()).isEqualTo(100.0);
    assertThat(p.topLevels()).isEqualTo(10);
    assertThat(p.impactNotional()).isEqualTo(10_000.0);
    assertThat(p.realizedHorizon()).isEqualTo(Duration.ofSeconds(5));
    assertThat(p.liquidityHistory()).isEqualTo(1_440);
    assertThat(p.sweepFraction()).isEqualTo(0.5);
    assertThat(p.vpinBuckets()).isEqualTo(50);
    assertThat(p.vpinBucketVolume()).isZero();
    assertThat(p.newRealizedSpread().horizonUs).isEqualTo(5_000_000L);
    assertThat(p.newVpin().calibrationUs).isEqualTo(600_000_000L);
    assertThat(p.newResilience().bids.samples).hasSize(300);
  }

  @Test
  void namesTheParameterOutOfRange() {
    assertThatThrownBy(() -> MicrostructureParams.builder().topLevels(0).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("topLevels must be at least 1, not 0");
    assertThatThrownBy(() -> MicrostructureParams.builder().impactNotional(-5).build())
        .hasMessage("impactNotional must be a positive number, not -5.0");
    assertThatThrownBy(() -> MicrostructureParams.builder().sweepFraction(1.0).build())
        .hasMessage("sweepFraction must be between 0 and 1 (exclusive), not 1.0");
    assertThatThrownBy(
            () -> MicrostructureParams.builder().liquidityHistory(5).liquidityMinHistory(6).build())
        .hasMessage("liquidityMinHistory must be between 1 and 5, not 6");
    assertThatThrownBy(
            () -> MicrostructureParams.builder().realizedHorizon(Duration.ofSeconds(-1)).build())
        .hasMessage("realizedHorizon must be a duration >= 0, not PT-1S");
    assertThatThrownBy(
            () -> MicrostructureParams.builder().vpinCalibration(Duration.ofSeconds(30)).build())
        .hasMessage("vpinCalibration must be at least 1 minute, not PT30S");
  }
}
