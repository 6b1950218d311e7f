package org.marketflow.schemas.avro;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.io.BinaryDecoder;

/**
 * {@link BookUpdate}'s Avro binary read field by field with Avro's own decoder. Avro's generic
 * reader spends more on walking the schema, setting fields through lambdas and boxing than on the
 * bytes, and book updates are the suite's busiest topic; {@code BinaryReadersTest} keeps this
 * reader equal to Avro's, field list included, so a schema change fails the build, not a job.
 */
final class BookUpdateReader implements BinaryReader<BookUpdate> {

  private static final BookUpdateKind[] KINDS = BookUpdateKind.values();

  private final InstrumentNames instruments = new InstrumentNames();

  @Override
  public BookUpdate read(BinaryDecoder in) throws IOException {
    BookUpdate update = new BookUpdate();
    update.setInstrument(instruments.read(in));
    update.setExchangeTimeUs(in.readLong());
    update.setReceiveTimeUs(in.readLong());
    update.setKind(KINDS[in.readEnum()]);
    update.setFirstSequence(Unions.optionalLong(in));
    update.setLastSequence(Unions.optionalLong(in));
    update.setPreviousSequence(Unions.optionalLong(in));
    update.setChecksum(Unions.optionalLong(in));
    update.setBids(levels(in));
    update.setAsks(levels(in));
    return update;
  }

  private static List<BookLevel> levels(BinaryDecoder in) throws IOException {
    long count = in.readArrayStart();
    List<BookLevel> levels = new ArrayList<>((int) Math.min(count, 1_024));
    for (; count != 0; count = in.arrayNext()) {
      for (long i = 0; i < count; i++) {
        BookLevel level = new BookLevel();
        level.setPrice(in.readDouble());
        level.setSize(in.readDouble());
        level.setOrderCount(Unions.optionalInt(in));
        levels.add(level);
      }
    }
    return levels;
  }
}
