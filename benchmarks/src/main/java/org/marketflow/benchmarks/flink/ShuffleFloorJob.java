package org.marketflow.benchmarks.flink;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.marketflow.jobs.common.JobRunner;
import org.marketflow.schemas.avro.AvroCodec;
import org.marketflow.schemas.avro.BookUpdate;

/**
 * (d) Flink's floor for any keyed job on the topic: Flink's Kafka source hands each record's key
 * (the instrument) and value bytes, undecoded and without watermarks, across a {@code keyBy} to a
 * function that counts it in keyed state. What a keyed job can reach at most on these cores: the
 * read, the hand-overs and the shuffle, and nothing of the job's own.
 */
public final class ShuffleFloorJob {

  static final String RECORDS = "shuffleFloor.records";

  private static final TypeInformation<Tuple2<String, byte[]>> KEYED_BYTES =
      Types.TUPLE(Types.STRING, Types.PRIMITIVE_ARRAY(Types.BYTE));

  private ShuffleFloorJob() {}

  /**
   * Runs it over {@code book} to its end offsets; with {@code decode}, the keyed function also
   * decodes each value into a {@link BookUpdate} as every job's source does (the least a job that
   * reads the updates must add).
   */
  public static FloorRun run(LocalFlinkCluster cluster, KafkaTopicSource book, boolean decode)
      throws Exception {
    KafkaSource<Tuple2<String, byte[]>> source =
        KafkaSource.<Tuple2<String, byte[]>>builder()
            .setBootstrapServers(book.bootstrapServers())
            .setGroupId(book.groupId())
            .setTopics(book.topic())
            .setStartingOffsets(OffsetsInitializer.earliest())
            .setBounded(OffsetsInitializer.latest())
            .setDeserializer(new KeyAndValue())
            .build();
    StreamExecutionEnvironment env = cluster.environment();
    JobRunner.configureRecords(env); // as (b) and (c) run
    env.fromSource(source, WatermarkStrategy.noWatermarks(), "Kafka book bytes")
        .uid("bench-shuffle-floor-source")
        .keyBy(record -> record.f0, Types.STRING)
        .process(new KeyedCount(decode))
        .uid("bench-shuffle-floor-count")
        .name("Count in keyed state")
        .sinkTo(new DiscardingSink<>())
        .uid("bench-shuffle-floor-discard")
        .name("Discard");
    LocalFlinkCluster.Execution execution = cluster.execute(env, "bench-shuffle-floor");
    return new FloorRun(execution.wall(), CountingSink.records(execution.result(), RECORDS));
  }

  /** The record's key as a string and its value as it is. */
  static final class KeyAndValue
      implements KafkaRecordDeserializationSchema<Tuple2<String, byte[]>> {

    @Override
    public void deserialize(
        ConsumerRecord<byte[], byte[]> record, Collector<Tuple2<String, byte[]>> out) {
      out.collect(Tuple2.of(new String(record.key(), StandardCharsets.UTF_8), record.value()));
    }

    @Override
    public TypeInformation<Tuple2<String, byte[]>> getProducedType() {
      return KEYED_BYTES;
    }
  }

  /** Counts each instrument's records in keyed state and all of them in an accumulator. */
  static final class KeyedCount extends KeyedProcessFunction<String, Tuple2<String, byte[]>, Void> {

    private final boolean decode;
    private transient AvroCodec<BookUpdate> codec;
    private transient ValueState<Long> count;
    private transient LongCounter records;
    private long decodedLevels;

    KeyedCount(boolean decode) {
      this.decode = decode;
    }

    @Override
    public void open(OpenContext openContext) {
      codec = AvroCodec.of(BookUpdate.class);
      count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Types.LONG));
      records = getRuntimeContext().getLongCounter(RECORDS);
    }

    @Override
    public void processElement(Tuple2<String, byte[]> record, Context ctx, Collector<Void> out)
        throws Exception {
      Long seen = count.value();
      count.update(seen == null ? 1L : seen + 1L);
      if (decode) {
        BookUpdate update = codec.decode(record.f1);
        decodedLevels += update.getBids().size() + update.getAsks().size(); // keeps it used
      }
      records.add(1L);
    }
  }

  /**
   * One finished run of (d).
   *
   * @param records the records counted
   */
  public record FloorRun(Duration wall, long records) {}
}
