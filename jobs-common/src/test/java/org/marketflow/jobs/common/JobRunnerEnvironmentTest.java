package org.marketflow.jobs.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;
import org.marketflow.jobs.common.options.JobOptions;

class JobRunnerEnvironmentTest {

  @Test
  void recordsAreReusedAndNeverKryo() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();

    JobRunner.configureRecords(env);

    assertThat(env.getConfig().isObjectReuseEnabled()).isTrue();
    assertThat(env.getConfiguration().get(PipelineOptions.GENERIC_TYPES)).isFalse();
  }

  @Test
  void watermarksAndNetworkBuffersGoOutAsOftenAsTheOptionsSay() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    Configuration config = new Configuration();
    config.set(JobOptions.WATERMARK_INTERVAL, Duration.ofMillis(5));
    config.set(JobOptions.BUFFER_TIMEOUT, Duration.ofMillis(2));

    JobRunner.configureLatency(env, config);

    assertThat(env.getConfig().getAutoWatermarkInterval()).isEqualTo(5);
    assertThat(env.getBufferTimeout()).isEqualTo(2);
  }

  @Test
  void byDefaultFlinksOwnIntervals() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();

    JobRunner.configureLatency(env, new Configuration());

    assertThat(env.getConfig().getAutoWatermarkInterval()).isEqualTo(200);
    assertThat(env.getBufferTimeout()).isEqualTo(100);
  }
}
