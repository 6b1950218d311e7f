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
import org.marketflow.schemas.kafka.DeadLetters;
import org.marketflow.schemas.kafka.RecordOrigin;
import org.marketflow.schemas.kafka.TopicSpec;

/**
 * Decodes and checks a topic's records where the raw bytes and the position are at hand. A record
 * that is not a valid Avro record of the topic's type, or that fails the check (for venue records
 * always including {@link PlausibleTime}), becomes a dead letter with the exact bytes, the topic,
 * partition and offset, instead of an exception that would fail the job. The values are decoded
 * whole ({@link #avro}) or as a {@link ValueReading} reads them (the book updates' leading fields,
 * say, the rest left in the bytes); the reading's error is the record's reason.
 *
 * <p>Stages: {@code <job>.decode} for undecodable records, {@code <job>.validate} for rejected
 * ones; counted in the metrics {@code undecodableRecords} and {@code invalidRecords}.
 *
 * <p>A backtest's source passes on only the records of its {@link EventTimeRange}: a record whose
 * event time is outside it is skipped without a trace but the metric {@code outOfRangeRecords}, be
 * it valid or not, since it belongs to another range's output; an undecodable record has no event
 * time and is judged by its Kafka timestamp, which the suite's producers set to the event time.
 */
public class ConsumedDeserializer<T> implements KafkaRecordDeserializationSchema<Consumed<T>> {

  private static final long serialVersionUID = 1L;

  private final ValueReading<T> reading;
  private final RecordCheck<T> check;
  private final String decodeStage;
  private final String validateStage;
  private final DeadLetters deadLetters;
  private final EventTimeRange range;
  private transient ValueReading.Reader<T> reader;
  private transient Counter undecodable;
  private transient Counter invalid;
  private transient Counter outOfRange;

  /**
   * Every record decoded whole, as an Avro record of {@code topic}'s type.
   *
   * @param job the job's name, the first part of its dead letters' stages
   * @param check the job's own check, after the time check of venue records
   */
  public static <A extends SpecificRecordBase> ConsumedDeserializer<A> avro(
      String job,
      TopicSpec<A> topic,
      RecordCheck<A> check,
      TimeBounds timeBounds,
      DeadLetters deadLetters) {
    return avro(job, topic, check, timeBounds, deadLetters, EventTimeRange.ALL);
  }

  /**
   * @param range the event times passed on; records outside it are skipped
   */
  public static <A extends SpecificRecordBase> ConsumedDeserializer<A> avro(
      String job,
      TopicSpec<A> topic,
      RecordCheck<A> check,
      TimeBounds timeBounds,
      DeadLetters deadLetters,
      EventTimeRange range) {
    return new ConsumedDeserializer<>(
        job, ValueReading.avro(topic), check, timeBounds, deadLetters, range);
  }

  /**
   * Values read by {@code reading} instead of decoded whole.
   *
   * @param check the job's own check, after the time check when {@code reading} has receive times
   */
  public ConsumedDeserializer(
      String job,
      ValueReading<T> reading,
      RecordCheck<T> check,
      TimeBounds timeBounds,
      DeadLetters deadLetters,
      EventTimeRange range) {
    this.reading = reading;
    this.check =
        reading.receiveTime() != null
            ? new PlausibleTime<>(reading.eventTime(), reading.receiveTime(), timeBounds).and(check)
            : check;
    this.decodeStage = job + ".decode";
    this.validateStage = job + ".validate";
    this.deadLetters = deadLetters;
    this.range = range;
  }

  @Override
  public void open(DeserializationSchema.InitializationContext context) {
    reader = reading.readers().get();
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
      value = reader.read(raw);
    } catch (Exception e) {
      if (!range.contains(record.timestamp() * 1_000L)) {
        outOfRange.inc();
        return;
      }
      undecodable.inc();
      out.collect(reject(record, decodeStage, "not an Avro " + reading.typeName() + ": " + e));
      return;
    }
    if (!range.contains(reading.eventTime().micros(value))) {
      outOfRange.inc();
      return;
    }
    String problem = check.problemWith(value);
    if (problem != null) {
      invalid.inc();
      out.collect(reject(record, validateStage, problem, reading.eventTime().micros(value)));
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
    return reading.consumedType();
  }
}
