package org.marketflow.jobs.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;
import org.marketflow.jobs.common.options.JobOptions;

class JobRunnerCheckpointTest {

  @Test
  void checkpointsGoToTheDirectoryGiven() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    Configuration config = new Configuration();
    config.set(JobOptions.CHECKPOINT_DIR, "file:///tmp/marketflow-checkpoints");

    JobRunner.configureCheckpointStorage(env, config);

    assertThat(env.getConfiguration().get(CheckpointingOptions.CHECKPOINT_STORAGE))
        .isEqualTo("filesystem");
    assertThat(env.getConfiguration().get(CheckpointingOptions.CHECKPOINTS_DIRECTORY))
        .isEqualTo("file:///tmp/marketflow-checkpoints");
  }

  @Test
  void withoutADirectoryTheClusterDecides() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();

    JobRunner.configureCheckpointStorage(env, new Configuration());

    assertThat(env.getConfiguration().getOptional(CheckpointingOptions.CHECKPOINTS_DIRECTORY))
        .isEmpty();
  }
}
