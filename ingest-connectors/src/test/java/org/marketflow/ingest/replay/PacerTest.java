package org.marketflow.ingest.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class PacerTest {

  @Test
  void scalesRecordingTimeBySpeed() {
    assertThat(new Pacer(1).wallNanosFor(2_000_000_000L)).isEqualTo(2_000_000_000L);
    assertThat(new Pacer(10).wallNanosFor(2_000_000_000L)).isEqualTo(200_000_000L);
    assertThat(Pacer.asFastAsPossible().wallNanosFor(2_000_000_000L)).isZero();
  }

  @Test
  @Timeout(5) // a pacer that waited would sleep for centuries here
  void asFastAsPossibleNeverWaits() throws InterruptedException {
    Pacer pacer = Pacer.asFastAsPossible();
    pacer.awaitRecordTime(0);
    pacer.awaitRecordTime(Long.MAX_VALUE / 2);
  }

  @Test
  void rejectsNegativeSpeed() {
    assertThatThrownBy(() -> new Pacer(-1))
        .hasMessage("speed must be 0 (as fast as possible) or positive");
  }
}
