package org.marketflow.jobs.ohlc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;
import org.marketflow.jobs.common.options.JobArguments;
import org.marketflow.schemas.bars.BarInterval;

class OhlcIntervalsTest {

  private static List<BarInterval> intervals(String... args) {
    Configuration config = JobArguments.parse(args, OhlcOptions.ALL);
    return OhlcJob.intervals(config);
  }

  @Test
  void allSevenByDefault() {
    assertThat(intervals()).containsExactly(BarInterval.values());
  }

  @Test
  void takesCommasAsTheCommandLineWritesThem() {
    assertThat(intervals("--ohlc.intervals", "1m,5m"))
        .containsExactly(BarInterval.M1, BarInterval.M5);
    assertThat(intervals("--ohlc.intervals", "1s;1d"))
        .containsExactly(BarInterval.S1, BarInterval.D1);
  }

  @Test
  void namesAnUnknownIntervalInOneLine() {
    assertThatThrownBy(() -> intervals("--ohlc.intervals", "1m,2m"))
        .hasMessage(
            "unknown interval '2m' in --ohlc.intervals; expected some of 1s, 1m, 5m, 15m,"
                + " 1h, 4h, 1d");
  }
}
