package org.marketflow.jobs.microstructure.records;

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
import org.marketflow.jobs.microstructure.state.InstrumentState;
import org.marketflow.jobs.microstructure.state.PairState;

/**
 * The job's own record and state types are Flink POJOs whose serializers need no generic (Kryo)
 * type, as the job runs with generic types refused ({@link InstrumentEvent} has its own serializer:
 * {@code InstrumentEventSerializerTest}).
 */
class RecordTypesTest {

  @Test
  void everyTypeIsAPojoSerializedWithoutKryo() throws IOException {
    InstrumentState state = new InstrumentState();
    state.synced = true;
    state.lastSequence = 7L;
    state.spread.onQuote(5, 12.5);
    PairState pair = new PairState();
    pair.yes = SecondQuote.of("PARIFLOW:e:o:YES", 0, true, 0.4, 0.5);

    for (Object value : List.of(SecondQuote.of("PARIFLOW:e:o:NO", 0, false, 0, 0), state, pair)) {
      assertThat(roundTrip(value))
          .usingRecursiveComparison()
          .withEqualsForType(Double::equals, Double.class) // NaN equals NaN
          .isEqualTo(value);
    }
  }

  @SuppressWarnings("unchecked")
  private static <T> T roundTrip(T value) throws IOException {
    TypeInformation<T> type = TypeInformation.of((Class<T>) value.getClass());
    assertThat(type).as(value.getClass().getSimpleName()).isInstanceOf(PojoTypeInfo.class);
    SerializerConfigImpl config = new SerializerConfigImpl();
    config.setGenericTypes(false); // a generic field would throw here
    TypeSerializer<T> serializer = type.createSerializer(config);
    DataOutputSerializer out = new DataOutputSerializer(256);
    serializer.serialize(value, out);
    return serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
  }
}
