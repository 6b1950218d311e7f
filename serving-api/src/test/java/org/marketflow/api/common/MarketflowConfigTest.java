package org.marketflow.api.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MarketflowConfigTest {

  private static final String UPKEEP_EVERY = "marketflow.partitions.upkeep-every";
  private static final String PEPPER = "marketflow.access.pepper";
  private static final String PEPPER_VALUE = "a-test-pepper-of-at-least-32-characters";

  private static SmallRyeConfig config(Map<String, String> properties) {
    return new SmallRyeConfigBuilder()
        .withMapping(MarketflowConfig.class)
        .withSources(new PropertiesConfigSource(properties, "test", 100))
        .withSources(new PropertiesConfigSource(Map.of(PEPPER, PEPPER_VALUE), "pepper", 50))
        .build();
  }

  @Test
  void partitionUpkeepRunsHourlyByDefault() {
    SmallRyeConfig config = config(Map.of());

    assertThat(config.getConfigMapping(MarketflowConfig.class).partitions().upkeepEvery())
        .isEqualTo(Duration.ofHours(1));
  }

  @Test
  void acceptsTheSchedulersDurationForms() {
    assertThat(upkeepEvery("30m")).isEqualTo(Duration.ofMinutes(30));
    assertThat(upkeepEvery("PT2H")).isEqualTo(Duration.ofHours(2));
    assertThat(upkeepEvery("1d")).isEqualTo(Duration.ofDays(1));
  }

  @Test
  void rejectsANonPositiveIntervalNamingTheProperty() {
    assertThatThrownBy(() -> config(Map.of(UPKEEP_EVERY, "0s")))
        .hasMessageContaining(UPKEEP_EVERY)
        .hasMessageContaining("must be a positive duration such as 1h, 30m or PT1H, not '0s'");
    assertThatThrownBy(() -> config(Map.of(UPKEEP_EVERY, "-PT1H")))
        .hasMessageContaining("must be a positive duration such as 1h, 30m or PT1H, not '-PT1H'");
  }

  @Test
  void rejectsAnUnreadableInterval() {
    assertThatThrownBy(() -> config(Map.of(UPKEEP_EVERY, "hourly")))
        .hasMessageContaining(UPKEEP_EVERY);
  }

  @Test
  void exportLimitsHaveTheirDocumentedDefaults() {
    MarketflowConfig.Export export =
        config(Map.of()).getConfigMapping(MarketflowConfig.class).export();

    assertThat(export.directory()).isEmpty();
    assertThat(export.syncMaxRows()).isEqualTo(100_000);
    assertThat(export.maxRows()).isEqualTo(5_000_000);
    assertThat(export.maxRange()).isEqualTo(Duration.ofDays(366));
    assertThat(export.fetchSize()).isEqualTo(2_000);
    assertThat(export.jobThreads()).isEqualTo(2);
    assertThat(export.expireAfter()).isEqualTo(Duration.ofHours(24));
    assertThat(export.jobTimeout()).isEqualTo(Duration.ofHours(2));
    assertThat(export.cleanupEvery()).isEqualTo(Duration.ofMinutes(10));
  }

  @Test
  void rejectsANonPositiveExportLimitNamingTheProperty() {
    assertThatThrownBy(() -> config(Map.of("marketflow.export.max-rows", "0")))
        .hasMessageContaining("marketflow.export.max-rows")
        .hasMessageContaining("must be a whole number between 1 and 9223372036854775807, not '0'");
    assertThatThrownBy(() -> config(Map.of("marketflow.export.fetch-size", "3000000000")))
        .hasMessageContaining("marketflow.export.fetch-size")
        .hasMessageContaining("must be a whole number between 1 and 2147483647");
    assertThatThrownBy(() -> config(Map.of("marketflow.export.job-threads", "two")))
        .hasMessageContaining("marketflow.export.job-threads");
  }

  private static Duration upkeepEvery(String value) {
    return config(Map.of(UPKEEP_EVERY, value))
        .getConfigMapping(MarketflowConfig.class)
        .partitions()
        .upkeepEvery();
  }

  @Test
  void theDefaultRateLimitIsAThousandPerMinuteWithABurstOfAHundred() {
    MarketflowConfig.RateLimit limits =
        config(Map.of("marketflow.rate-limit.tiers.premium.requests", "5000"))
            .getConfigMapping(MarketflowConfig.class)
            .rateLimit();

    assertThat(limits.tierOf("standard").requests()).isEqualTo(1000);
    assertThat(limits.tierOf("standard").period()).isEqualTo(Duration.ofMinutes(1));
    assertThat(limits.tierOf("standard").burst()).isEqualTo(100);
    assertThat(limits.tierOf("premium").requests()).isEqualTo(5000);
    assertThat(limits.tierOf("premium").burst()).isEqualTo(100);
  }

  @Test
  void rejectsATierWithoutRequestsAndAShortPepper() {
    assertThatThrownBy(() -> config(Map.of("marketflow.rate-limit.tiers.x.burst", "0")))
        .hasMessageContaining("marketflow.rate-limit.tiers.x.burst")
        .hasMessageContaining("must be a whole number between 1 and 2147483647, not '0'");
    assertThatThrownBy(() -> config(Map.of(PEPPER, "short")))
        .hasMessageContaining(PEPPER)
        .hasMessageContaining("must be a secret of at least 32 characters");
  }
}
