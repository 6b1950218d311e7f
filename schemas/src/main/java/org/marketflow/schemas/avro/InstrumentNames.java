package org.marketflow.schemas.avro;

import java.io.IOException;
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

  private final Map<Utf8, String> names = new HashMap<>();
  private Utf8 scratch = new Utf8();
  private final Utf8 lastBytes = new Utf8();
  private String last;

  String read(BinaryDecoder in) throws IOException {
    scratch = in.readString(scratch);
    if (last != null && lastBytes.equals(scratch)) {
      return last;
    }
    String name = names.get(scratch);
    if (name == null) {
      name = scratch.toString();
      if (names.size() >= MAX_NAMES) {
        return name;
      }
      names.put(new Utf8(scratch), name);
    }
    lastBytes.set(scratch);
    last = name;
    return name;
  }
}
