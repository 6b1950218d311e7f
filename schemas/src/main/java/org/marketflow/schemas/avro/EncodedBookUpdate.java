package org.marketflow.schemas.avro;

import java.io.IOException;
import java.util.Arrays;
import java.util.Objects;

/**
 * A book update as Kafka holds it, its Avro bytes, with the three fields it starts with decoded:
 * the instrument and the two times. They are all a job needs to route an update by instrument and
 * event time; the rest is decoded once, where the update is applied. The microstructure job reads
 * its book topic so, instead of decoding each update where it is read, writing it across the
 * shuffle and reading it again.
 *
 * <p>A Flink POJO: public fields and a constructor without arguments.
 */
public final class EncodedBookUpdate {

  public String instrument;

  /** Epoch µs. */
  public long exchangeTimeUs;

  /** Epoch µs. */
  public long receiveTimeUs;

  /** The whole record in plain Avro binary, as the topic holds it; not to be changed. */
  public byte[] avro;

  public EncodedBookUpdate() {}

  public EncodedBookUpdate(
      String instrument, long exchangeTimeUs, long receiveTimeUs, byte[] avro) {
    this.instrument = instrument;
    this.exchangeTimeUs = exchangeTimeUs;
    this.receiveTimeUs = receiveTimeUs;
    this.avro = avro;
  }

  /** {@code update} encoded, for tests and for callers that hold decoded updates. */
  public static EncodedBookUpdate of(BookUpdate update, AvroCodec<BookUpdate> codec) {
    return new EncodedBookUpdate(
        update.getInstrument(),
        update.getExchangeTimeUs(),
        update.getReceiveTimeUs(),
        codec.encode(update));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof EncodedBookUpdate that
        && exchangeTimeUs == that.exchangeTimeUs
        && receiveTimeUs == that.receiveTimeUs
        && Objects.equals(instrument, that.instrument)
        && Arrays.equals(avro, that.avro);
  }

  @Override
  public int hashCode() {
    return 31 * Objects.hash(instrument, exchangeTimeUs, receiveTimeUs) + Arrays.hashCode(avro);
  }

  @Override
  public String toString() {
    return "EncodedBookUpdate{"
        + instrument
        + " @"
        + exchangeTimeUs
        + ", received "
        + receiveTimeUs
        + ", "
        + (avro == null ? "no" : avro.length)
        + " bytes}";
  }

  /**
   * Reads the leading fields of book updates' Avro bytes in place ({@link AvroBinary}); the order
   * of {@code BookUpdate.avsc}'s fields is checked by {@code BinaryReadersTest}. Reuses its cursor
   * and instrument names, so one per thread.
   */
  public static final class Reader {

    private final InstrumentNames instruments = new InstrumentNames();
    private final AvroBinary in = new AvroBinary();

    /**
     * @throws IOException when {@code avro} does not start as a book update does; the rest is not
     *     looked at
     */
    public EncodedBookUpdate read(byte[] avro) throws IOException {
      in.wrap(avro, 0, avro.length);
      String instrument = instruments.read(in);
      long exchangeTimeUs = in.readLong();
      long receiveTimeUs = in.readLong();
      return new EncodedBookUpdate(instrument, exchangeTimeUs, receiveTimeUs, avro);
    }
  }
}
