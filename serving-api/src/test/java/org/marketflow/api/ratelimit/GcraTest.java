package org.marketflow.api.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.marketflow.api.common.MarketflowConfig.RateLimit.Tier;

class GcraTest {

  static Tier tier(int requests, Duration period, int burst) {
    return new Tier() {
      @Override
      public int requests() {
        return requests;
      }

      @Override
      public Duration period() {
        return period;
      }

      @Override
      public int burst() {
        return burst;
      }
    };
  }

  private static final Gcra DEFAULT = Gcra.of(tier(1000, Duration.ofMinutes(1), 100));
  private static final long T0 = 1_700_000_000_000_000L;

  @Test
  void aThousandPerMinuteIsOneRequestEverySixtyMilliseconds() {
    assertThat(DEFAULT.intervalMicros()).isEqualTo(60_000);
    assertThat(DEFAULT.toleranceMicros()).isEqualTo(99 * 60_000);
  }

  @Test
  void aFreshKeyAdmitsTheBurstAtOnceThenRefuses() {
    long tat = 0;
    for (int i = 1; i <= 100; i++) {
      Gcra.Step step = DEFAULT.step(tat, T0);
      assertThat(step.decision().allowed()).isTrue();
      assertThat(step.decision().remaining()).isEqualTo(100 - i);
      tat = step.newTatMicros();
    }
    Gcra.Step refused = DEFAULT.step(tat, T0);

    assertThat(refused.decision().allowed()).isFalse();
    assertThat(refused.decision().remaining()).isZero();
    assertThat(refused.decision().retryAfterMicros()).isEqualTo(60_000);
    assertThat(refused.decision().retryAfterSeconds()).isEqualTo(1);
    assertThat(refused.decision().resetMicros()).isEqualTo(100 * 60_000);
    assertThat(refused.newTatMicros()).isEqualTo(tat);
  }

  @Test
  void anEmptiedBucketAdmitsOneRequestPerInterval() {
    long tat = 0;
    for (int i = 0; i < 100; i++) {
      tat = DEFAULT.step(tat, T0).newTatMicros();
    }

    assertThat(DEFAULT.step(tat, T0 + 59_999).decision().allowed()).isFalse();
    Gcra.Step next = DEFAULT.step(tat, T0 + 60_000);
    assertThat(next.decision().allowed()).isTrue();
    assertThat(DEFAULT.step(next.newTatMicros(), T0 + 60_000).decision().allowed()).isFalse();
  }

  @Test
  void aKeyIdleForTheRefillTimeIsFullAgain() {
    long tat = DEFAULT.step(0, T0).newTatMicros();

    Gcra.Step later = DEFAULT.step(tat, T0 + 60_000);

    assertThat(later.decision().remaining()).isEqualTo(99);
  }

  @Test
  void aBurstOfOneAdmitsExactlyTheRate() {
    Gcra strict = Gcra.of(tier(10, Duration.ofSeconds(1), 1));

    Gcra.Step first = strict.step(0, T0);

    assertThat(first.decision().allowed()).isTrue();
    assertThat(first.decision().remaining()).isZero();
    assertThat(strict.step(first.newTatMicros(), T0 + 99_999).decision().allowed()).isFalse();
    assertThat(strict.step(first.newTatMicros(), T0 + 100_000).decision().allowed()).isTrue();
  }
}
