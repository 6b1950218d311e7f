package org.marketflow.jobs.microstructure.records;

import java.io.IOException;
import org.marketflow.jobs.microstructure.book.BookLevels;
import org.marketflow.schemas.avro.AvroBinary;
import org.marketflow.schemas.avro.BookUpdate;
import org.marketflow.schemas.avro.BookUpdateKind;

/**
 * A {@link BookUpdate} decoded from its Avro binary into fields and {@link BookLevels} that the
 * next decode overwrites: the book operator decodes every update it applies into one instance, so
 * that an update costs no record, level or list objects (reading and decoding the updates into them
 * was a quarter of the keyed threads in JFR). The instrument is skipped: the operator's key is the
 * instrument, read from the same bytes.
 *
 * <p>Read field by field in place ({@link AvroBinary}); {@code DecodedBookUpdateTest} keeps it
 * equal to Avro's own {@code SpecificDatumReader} on random updates, and so fails when {@code
 * BookUpdate.avsc} changes.
 *
 * <p>Not thread-safe.
 */
public final class DecodedBookUpdate {

  private static final BookUpdateKind[] KINDS = BookUpdateKind.values();

  private final BookLevels bids = new BookLevels();
  private final BookLevels asks = new BookLevels();
  private BookUpdateKind kind;
  private long exchangeTimeUs;
  private long receiveTimeUs;
  private Long firstSequence;
  private Long lastSequence;
  private Long previousSequence;
  private Long checksum;

  private final AvroBinary in = new AvroBinary();

  /**
   * Decodes the update in {@code bytes[offset, offset + length)}.
   *
   * @throws IOException when they are not exactly one {@code BookUpdate}; the fields are then
   *     undefined until the next decode that succeeds
   */
  public void decode(byte[] bytes, int offset, int length) throws IOException {
    in.wrap(bytes, offset, length);
    in.skipString(); // the instrument
    exchangeTimeUs = in.readLong();
    receiveTimeUs = in.readLong();
    kind = kind(in.readIndex());
    firstSequence = optionalLong(in);
    lastSequence = optionalLong(in);
    previousSequence = optionalLong(in);
    checksum = optionalLong(in);
    readLevels(in, bids);
    readLevels(in, asks);
    if (!in.isEnd()) {
      throw new IOException("trailing bytes after a BookUpdate record");
    }
  }

  public BookUpdateKind kind() {
    return kind;
  }

  public long exchangeTimeUs() {
    return exchangeTimeUs;
  }

  public long receiveTimeUs() {
    return receiveTimeUs;
  }

  /** The first update id in the message, or {@code null}. */
  public Long firstSequence() {
    return firstSequence;
  }

  /** The last update id in the message, or {@code null}. */
  public Long lastSequence() {
    return lastSequence;
  }

  /** The previous message's last update id, or {@code null}. */
  public Long previousSequence() {
    return previousSequence;
  }

  /** The venue's checksum of the book after the update, or {@code null}. */
  public Long checksum() {
    return checksum;
  }

  public BookLevels bids() {
    return bids;
  }

  public BookLevels asks() {
    return asks;
  }

  private static BookUpdateKind kind(int index) throws IOException {
    if (index < 0 || index >= KINDS.length) {
      throw new IOException("book update kind " + index);
    }
    return KINDS[index];
  }

  /** Levels are added as they are read: a count in the bytes sizes nothing. */
  private static void readLevels(AvroBinary in, BookLevels levels) throws IOException {
    levels.clear();
    for (long count = in.readBlockCount(); count != 0; count = in.readBlockCount()) {
      for (long i = 0; i < count; i++) {
        double price = in.readDouble();
        double size = in.readDouble();
        levels.add(price, size, in.readPresence() ? in.readInt() : BookLevels.NO_ORDER_COUNT);
      }
    }
  }

  private static Long optionalLong(AvroBinary in) throws IOException {
    return in.readPresence() ? in.readLong() : null;
  }

  @Override
  public String toString() {
    return kind
        + " at "
        + exchangeTimeUs
        + " us, sequences "
        + firstSequence
        + ".."
        + lastSequence
        + " (previous "
        + previousSequence
        + "), bids "
        + bids
        + ", asks "
        + asks;
  }
}
