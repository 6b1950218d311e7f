package org.marketflow.schemas.avro;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.util.Utf8;

/**
 * Reads instrument ids as shared {@code String}s: a topic names a few thousand instruments at most,
 * so each record's id is looked up by its bytes instead of being decoded into a new string, and the
 * string's cached hash serves every later {@code keyBy} and keyed-state lookup. Past {@link
 * #MAX_NAMES} distinct ids it decodes as Avro does, so that no input grows it without bound.
 *
 * <p>The id read last is compared first: an operator keyed by instrument reads an instrument's
 * records in runs, and comparing the bytes costs less than hashing them for the map (JFR: the
 * lookup was 6 % of the book operator's thread).
 */
final class InstrumentNames {

  static final int MAX_NAMES = 65_536;

  private final Map<NameBytes, NameBytes> names = new HashMap<>();
  private final NameBytes probe = new NameBytes();
  private Utf8 scratch = new Utf8();
  private NameBytes last;

  String read(BinaryDecoder in) throws IOException {
    scratch = in.readString(scratch);
    return read(scratch.getBytes(), 0, scratch.getByteLength());
  }

  /** Reads a string where {@code in} is and moves past it. */
  String read(AvroBinary in) throws IOException {
    int length = in.readStringLength();
    int start = in.position();
    in.skip(length);
    return read(in.bytes(), start, length);
  }

  private String read(byte[] bytes, int start, int length) {
    if (last != null && last.sameBytes(bytes, start, length)) {
      return last.name;
    }
    NameBytes known = names.get(probe.of(bytes, start, length));
    if (known == null) {
      String name = new String(bytes, start, length, StandardCharsets.UTF_8);
      if (names.size() >= MAX_NAMES) {
        return name;
      }
      known = new NameBytes().of(Arrays.copyOfRange(bytes, start, start + length), 0, length);
      known.name = name;
      names.put(known, known);
    }
    last = known;
    return known.name;
  }

  /**
   * A string's UTF-8 bytes as a map key, a range of an array (the map's keys own theirs), with the
   * string they decode to.
   */
  private static final class NameBytes {

    private String name;
    private byte[] bytes;
    private int start;
    private int length;
    private int hash;

    NameBytes of(byte[] bytes, int start, int length) {
      this.bytes = bytes;
      this.start = start;
      this.length = length;
      int h = 1;
      for (int i = start, end = start + length; i < end; i++) {
        h = 31 * h + bytes[i];
      }
      this.hash = h;
      return this;
    }

    boolean sameBytes(byte[] other, int otherStart, int otherLength) {
      return Arrays.equals(
          bytes, start, start + length, other, otherStart, otherStart + otherLength);
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof NameBytes that && sameBytes(that.bytes, that.start, that.length);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }
}
