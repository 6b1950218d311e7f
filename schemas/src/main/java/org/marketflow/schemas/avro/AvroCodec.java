package org.marketflow.schemas.avro;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * Plain Avro binary (no header, no registry) for one record type: the format of every topic, and
 * the one Flink SQL's {@code avro} format reads. Reuses its buffers, so one instance per thread.
 */
public final class AvroCodec<T extends SpecificRecordBase> {

  private final SpecificDatumWriter<T> writer;
  private final BinaryReader<T> reader;
  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(256);
  private BinaryEncoder encoder;
  private BinaryDecoder decoder;

  private AvroCodec(Class<T> type) {
    // Records are made in the class loader of the type asked for, not in whichever one Avro's
    // shared model finds first: a service under test can see the generated classes twice.
    SpecificData model = new SpecificData(type.getClassLoader());
    Schema schema = model.getSchema(type);
    this.writer = new SpecificDatumWriter<>(schema, model);
    this.reader = readerOf(type, schema, model);
  }

  /** The hand-written reader of the busiest topics' records, Avro's own for every other type. */
  @SuppressWarnings("unchecked")
  private static <T> BinaryReader<T> readerOf(Class<T> type, Schema schema, SpecificData model) {
    if (type == BookUpdate.class) {
      return (BinaryReader<T>) new BookUpdateReader();
    }
    if (type == Trade.class) {
      return (BinaryReader<T>) new TradeReader();
    }
    SpecificDatumReader<T> avro = new SpecificDatumReader<>(schema, schema, model);
    return in -> avro.read(null, in);
  }

  public static <T extends SpecificRecordBase> AvroCodec<T> of(Class<T> type) {
    return new AvroCodec<>(type);
  }

  public byte[] encode(T record) {
    buffer.reset();
    encoder = EncoderFactory.get().directBinaryEncoder(buffer, encoder);
    try {
      writer.write(record, encoder);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return buffer.toByteArray();
  }

  /**
   * Decodes one record.
   *
   * @throws java.io.IOException (or a runtime exception from Avro) when the bytes are not a valid
   *     record of this type, including trailing bytes
   */
  public T decode(byte[] bytes) throws IOException {
    decoder = DecoderFactory.get().binaryDecoder(bytes, decoder);
    T record = reader.read(decoder);
    if (!decoder.isEnd()) {
      throw new IOException("trailing bytes after a " + record.getSchema().getName() + " record");
    }
    return record;
  }
}
