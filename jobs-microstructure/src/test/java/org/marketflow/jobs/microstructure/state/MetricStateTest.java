package org.marketflow.jobs.microstructure.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;
import org.marketflow.jobs.microstructure.metrics.EffectiveSpread;
import org.marketflow.jobs.microstructure.metrics.LiquidityScore;
import org.marketflow.jobs.microstructure.metrics.MicrostructureParams;
import org.marketflow.jobs.microstructure.metrics.RealizedSpread;
import org.marketflow.jobs.microstructure.metrics.Resilience;
import org.marketflow.jobs.microstructure.metrics.Vpin;
import org.marketflow.schemas.avro.Side;

/**
 * The stateful metrics are Flink POJOs, not generic (Kryo) types, and come back from their
 * serializer as they were, mid-stream.
 */
class MetricStateTest {

  private static final MicrostructureParams PARAMS = MicrostructureParams.DEFAULTS;

  @Test
  void everyStatefulMetricIsAPojoThatRoundTrips() throws IOException {
    EffectiveSpread effective = PARAMS.newEffectiveSpread();
    effective.add(100.1, 2, 100);
    RealizedSpread realized = PARAMS.newRealizedSpread();
    realized.onMid(0, 100);
    realized.addTrade(1, 100.1, 1, Side.BUY, 100);
    LiquidityScore score = PARAMS.newLiquidityScore();
    score.add(1e6);
    Resilience resilience = PARAMS.newResilience();
    for (long s = 0; s < 40; s++) {
      resilience.onDepth(s * 1_000_000, 100, 100);
    }
    resilience.onDepth(40_000_000, 10, 100);
    Vpin vpin = PARAMS.newVpin();
    vpin.addTrade(0, 100, 1, Side.UNKNOWN);
    vpin.addTrade(1, 100.5, 1, Side.UNKNOWN);

    for (Object state : List.of(effective, realized, score, resilience, vpin)) {
      assertThat(roundTrip(state))
          .usingRecursiveComparison()
          .ignoringFields("bids.sorted", "asks.sorted")
          .isEqualTo(state);
    }
    assertThat(resilience.bids.inSweep).isTrue();
  }

  @SuppressWarnings("unchecked")
  private static <T> T roundTrip(T state) throws IOException {
    TypeInformation<T> type = TypeInformation.of((Class<T>) state.getClass());
    assertThat(type).as(state.getClass().getSimpleName()).isInstanceOf(PojoTypeInfo.class);
    TypeSerializer<T> serializer = type.createSerializer(new SerializerConfigImpl());
    DataOutputSerializer out = new DataOutputSerializer(1024);
    serializer.serialize(state, out);
    return serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
  }
}
