package org.marketflow.testing.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class FlinkMiniClusterITCase {

  @RegisterExtension static final MiniClusterExtension FLINK = FlinkMiniCluster.extension();

  @Test
  void runsAJobAtParallelismTwo() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    assertThat(env.getParallelism()).isEqualTo(FlinkMiniCluster.PARALLELISM);

    List<Integer> results = new ArrayList<>();
    try (CloseableIterator<Integer> collected =
        env.fromData(1, 2, 3).map(price -> price * 10).returns(Types.INT).executeAndCollect()) {
      collected.forEachRemaining(results::add);
    }

    assertThat(results).containsExactlyInAnyOrder(10, 20, 30);
  }
}
