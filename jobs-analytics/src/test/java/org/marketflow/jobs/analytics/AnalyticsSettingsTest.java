package org.marketflow.jobs.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;
import org.marketflow.jobs.analytics.estimators.CorrelationMethod;
import org.marketflow.jobs.analytics.records.CorrelationWindow;

/** The job's settings from its options, with the exact message for a bad one. */
class AnalyticsSettingsTest {

  @Test
  void theDefaultsReadNoLiquidityAndJudgeCorrelationsOnTheHourlyPearsonMatrices() {
    AnalyticsJob.Settings defaults = AnalyticsJob.Settings.defaults();
    assertThat(defaults.regimeCorrelationWindow()).isEqualTo(CorrelationWindow.H1);
    assertThat(defaults.regimeCorrelationMethod()).isEqualTo(CorrelationMethod.PEARSON);
    assertThat(defaults.liquidityTrailingMinutes()).isEqualTo(1_440);
    assertThat(defaults.liquidityStaleness()).hasMinutes(5);
    assertThat(new Configuration().get(AnalyticsOptions.LIQUIDITY_TOPIC)).isNull();
    assertThat(new Configuration().get(AnalyticsOptions.MICROSTRUCTURE_TOPIC)).isNull();
  }

  @Test
  void readsTheRegimesCorrelationWindowAndMethod() {
    Configuration config = new Configuration();
    config.set(AnalyticsOptions.REGIME_CORRELATION_WINDOW, "24h");
    config.set(AnalyticsOptions.REGIME_CORRELATION_METHOD, "Kendall");
    AnalyticsJob.Settings settings = AnalyticsJob.Settings.from(config);
    assertThat(settings.regimeCorrelationWindow()).isEqualTo(CorrelationWindow.H24);
    assertThat(settings.regimeCorrelationMethod()).isEqualTo(CorrelationMethod.KENDALL);
  }

  @Test
  void refusesARegimeWindowTheJobDoesNotComputeOrAnUnknownOne() {
    Configuration notComputed = new Configuration();
    notComputed.set(AnalyticsOptions.CORRELATION_WINDOWS, List.of("4H", "24H"));
    assertThatThrownBy(() -> AnalyticsJob.Settings.from(notComputed))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "--analytics.regime-correlation-window 1H is not among"
                + " --analytics.correlation-windows [4H, 24H]");
    Configuration unknown = new Configuration();
    unknown.set(AnalyticsOptions.REGIME_CORRELATION_WINDOW, "2H");
    assertThatThrownBy(() -> AnalyticsJob.Settings.from(unknown))
        .hasMessage(
            "unknown correlation window '2H' in --analytics.regime-correlation-window; expected"
                + " one of 1H, 4H, 24H, 7D, 30D");
    Configuration method = new Configuration();
    method.set(AnalyticsOptions.REGIME_CORRELATION_METHOD, "cosine");
    assertThatThrownBy(() -> AnalyticsJob.Settings.from(method))
        .hasMessage(
            "unknown correlation method 'cosine' in --analytics.regime-correlation-method;"
                + " expected one of pearson, spearman, kendall");
  }

  @Test
  void refusesALiquidityHistoryShorterThanAnHourOrThanTheAnomalies() {
    Configuration config = new Configuration();
    config.set(AnalyticsOptions.LIQUIDITY_TRAILING_MINUTES, 100);
    assertThatThrownBy(() -> AnalyticsJob.Settings.from(config))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "--analytics.liquidity-trailing-minutes 100 must be at least 60 and at least"
                + " --analytics.anomaly-trailing-bars (240)");
  }
}
