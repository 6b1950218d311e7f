package org.marketflow.jobs.ohlc.serialization;

import java.nio.ByteBuffer;
import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.metrics.Counter;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.marketflow.jobs.ohlc.records.TradeEnvelope;
import org.marketflow.schemas.avro.AvroCodec;
import org.marketflow.schemas.avro.DeadLetter;
import org.marketflow.schemas.avro.Trade;

/**
 * Decodes the trades topic. A record that is not a valid {@code Trade} becomes a dead letter with
 * its topic, partition, offset and raw bytes, instead of an exception that would fail the job.
 */
public class TradeEnvelopeDeserializer implements KafkaRecordDeserializationSchema<TradeEnvelope> {

  static final String STAGE = "jobs-ohlc.decode";

  private transient AvroCodec<Trade> codec;
  private transient Counter undecodable;

  @Override
  public void open(DeserializationSchema.InitializationContext context) {
    codec = AvroCodec.of(Trade.class);
    undecodable = context.getMetricGroup().counter("undecodableRecords");
  }

  @Override
  public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<TradeEnvelope> out) {
    byte[] value = record.value();
    try {
      if (value == null) {
        throw new IllegalArgumentException("null value");
      }
      out.collect(TradeEnvelope.of(codec.decode(value)));
    } catch (Exception e) {
      undecodable.inc();
      out.collect(
          TradeEnvelope.rejected(
              DeadLetter.newBuilder()
                  .setStage(STAGE)
                  .setReason("not an Avro Trade: " + e)
                  .setSourceTopic(record.topic())
                  .setSourcePartition(record.partition())
                  .setSourceOffset(record.offset())
                  .setRejectedAtUs(record.timestamp() * 1_000L)
                  .setRaw(ByteBuffer.wrap(value == null ? new byte[0] : value))
                  .build()));
    }
  }

  @Override
  public TypeInformation<TradeEnvelope> getProducedType() {
    return TypeInformation.of(TradeEnvelope.class);
  }
}
