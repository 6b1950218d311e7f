package org.marketflow.testing.junit;

import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;

/**
 * The Flink mini cluster for job ITCases: one TaskManager with {@value #PARALLELISM} slots, so jobs
 * run at parallelism {@value #PARALLELISM} and exercise their keying and redistribution.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final MiniClusterExtension FLINK = FlinkMiniCluster.extension();
 * }</pre>
 *
 * <p>Needs {@code org.apache.flink:flink-test-utils} on the test classpath (optional here).
 */
public final class FlinkMiniCluster {

  public static final int PARALLELISM = 2;

  private FlinkMiniCluster() {}

  /** A cluster shared by the tests of the class that registers it. */
  public static MiniClusterExtension extension() {
    return new MiniClusterExtension(
        new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1)
            .setNumberSlotsPerTaskManager(PARALLELISM)
            .build());
  }
}
