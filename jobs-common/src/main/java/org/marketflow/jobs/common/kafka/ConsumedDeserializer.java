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
 */
public class ConsumedDeserializer<T extends SpecificRecordBase>
    implements KafkaRecordDeserializationSchema<Consumed<T>> {

  private final TopicSpec<T> topic;
  private final RecordCheck<T> check;
  private final String decodeStage;
  private final String validateStage;
  private final DeadLetters deadLetters;
  private transient AvroCodec<T> codec;
  private transient Counter undecodable;
  private transient Counter invalid;

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
    this.topic = topic;
    this.check =
        topic.hasReceiveTime()
            ? new PlausibleTime<>(topic.eventTime(), topic.receiveTime(), timeBounds).and(check)
            : check;
    this.decodeStage = job + ".decode";
    this.validateStage = job + ".validate";
    this.deadLetters = deadLetters;
  }

  @Override
  public void open(DeserializationSchema.InitializationContext context) {
    codec = AvroCodec.of(topic.type());
    undecodable = context.getMetricGroup().counter("undecodableRecords");
    invalid = context.getMetricGroup().counter("invalidRecords");
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
      undecodable.inc();
      out.collect(
          reject(record, decodeStage, "not an Avro " + topic.type().getSimpleName() + ": " + e));
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
