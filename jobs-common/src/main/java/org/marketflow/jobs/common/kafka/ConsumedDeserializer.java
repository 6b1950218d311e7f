package org.marketflow.jobs.common.kafka;

import org.apache.avro.specific.SpecificRecordBase;
import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.metrics.Counter;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.marketflow.jobs.common.records.Consumed;
import org.marketflow.jobs.common.validation.PlausibleTime;
import org.marketflow.jobs.common.validation.RecordCheck;
import org.marketflow.jobs.common.validation.TimeBounds;
import org.marketflow.schemas.avro.AvroCodec;
import org.marketflow.schemas.kafka.DeadLetters;
import org.marketflow.schemas.kafka.RecordOrigin;
import org.marketflow.schemas.kafka.TopicSpec;

/**
 * Decodes and checks a topic's records where the raw bytes and the position are at hand. A record
 * that is not a valid Avro record of the topic's type, or that fails the check (for venue records
 * always including {@link PlausibleTime}), becomes a dead letter with the exact bytes, the topic,
 * partition and offset, instead of an exception that would fail the job.
 *
 * <p>Stages: {@code <job>.decode} for undecodable records, {@code <job>.validate} for rejected
 * ones; counted in the metrics {@code undecodableRecords} and {@code invalidRecords}.
 *
 * <p>A backtest's source passes on only the records of its {@link EventTimeRange}: a record whose
 * event time is outside it is skipped without a trace but the metric {@code outOfRangeRecords}, be
 * it valid or not, since it belongs to another range's output; an undecodable record has no event
 * time and is judged by its Kafka timestamp, which the suite's producers set to the event time.
 */
public class ConsumedDeserializer<T extends SpecificRecordBase>
    implements KafkaRecordDeserializationSchema<Consumed<T>> {

  private final TopicSpec<T> topic;
  private final RecordCheck<T> check;
  private final String decodeStage;
  private final String validateStage;
  private final DeadLetters deadLetters;
  private final EventTimeRange range;
  private transient AvroCodec<T> codec;
  private transient Counter undecodable;
  private transient Counter invalid;
  private transient Counter outOfRange;

  /**
   * @param job the job's name, the first part of its dead letters' stages
   * @param check the job's own check, after the time check of venue records
   */
  public ConsumedDeserializer(
      String job,
      TopicSpec<T> topic,
      RecordCheck<T> check,
      TimeBounds timeBounds,
      DeadLetters deadLetters) {
    this(job, topic, check, timeBounds, deadLetters, EventTimeRange.ALL);
  }

  /**
   * @param range the event times passed on; records outside it are skipped
   */
  public ConsumedDeserializer(
      String job,
      TopicSpec<T> topic,
      RecordCheck<T> check,
      TimeBounds timeBounds,
      DeadLetters deadLetters,
      EventTimeRange range) {
    this.topic = topic;
    this.check =
        topic.hasReceiveTime()
            ? new PlausibleTime<>(topic.eventTime(), topic.receiveTime(), timeBounds).and(check)
            : check;
    this.decodeStage = job + ".decode";
    this.validateStage = job + ".validate";
    this.deadLetters = deadLetters;
    this.range = range;
  }

  @Override
  public void open(DeserializationSchema.InitializationContext context) {
    codec = AvroCodec.of(topic.type());
    undecodable = context.getMetricGroup().counter("undecodableRecords");
    invalid = context.getMetricGroup().counter("invalidRecords");
    outOfRange = context.getMetricGroup().counter("outOfRangeRecords");
  }

  @Override
  public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<Consumed<T>> out) {
    byte[] raw = record.value();
    T value;
    try {
      if (raw == null) {
        throw new IllegalArgumentException("null value");
      }
      value = codec.decode(raw);
    } catch (Exception e) {
      if (!range.contains(record.timestamp() * 1_000L)) {
        outOfRange.inc();
        return;
      }
      undecodable.inc();
      out.collect(
          reject(record, decodeStage, "not an Avro " + topic.type().getSimpleName() + ": " + e));
      return;
    }
    if (!range.contains(topic.eventTime().micros(value))) {
      outOfRange.inc();
      return;
    }
    String problem = check.problemWith(value);
    if (problem != null) {
      invalid.inc();
      out.collect(reject(record, validateStage, problem, topic.eventTime().micros(value)));
      return;
    }
    out.collect(Consumed.of(value, record.partition(), record.offset()));
  }

  private Consumed<T> reject(ConsumerRecord<byte[], byte[]> record, String stage, String reason) {
    return reject(record, stage, reason, record.timestamp() * 1_000L);
  }

  private Consumed<T> reject(
      ConsumerRecord<byte[], byte[]> record, String stage, String reason, long atUs) {
    return Consumed.rejected(
        deadLetters.of(
            stage,
            reason,
            RecordOrigin.kafka(record.topic(), record.partition(), record.offset()),
            atUs,
            record.value()),
        record.partition(),
        record.offset());
  }

  @Override
  public TypeInformation<Consumed<T>> getProducedType() {
    return Consumed.typeInfo(topic.type());
  }
}
