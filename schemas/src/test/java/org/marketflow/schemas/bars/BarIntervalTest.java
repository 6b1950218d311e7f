package org.marketflow.schemas.bars;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BarIntervalTest {

  @Test
  void alignsBucketsToTheEpoch() {
    assertThat(BarInterval.M1.bucketStartUs(1_723_161_255_342_000L))
        .isEqualTo(1_723_161_240_000_000L);
    assertThat(BarInterval.M1.bucketStartUs(-1)).isEqualTo(-60_000_000L);
  }

  @Test
  void findsIntervalsByCode() {
    assertThat(BarInterval.fromCode("15m")).contains(BarInterval.M15);
    assertThat(BarInterval.fromCode("2m")).isEmpty();
    assertThat(BarInterval.codes()).isEqualTo("1s, 1m, 5m, 15m, 1h, 4h, 1d");
  }
}
