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
 */
final class InstrumentNames {

  static final int MAX_NAMES = 65_536;

  private final Map<Utf8, String> names = new HashMap<>();
  private Utf8 scratch = new Utf8();

  String read(BinaryDecoder in) throws IOException {
    scratch = in.readString(scratch);
    String name = names.get(scratch);
    if (name != null) {
      return name;
    }
    name = scratch.toString();
    if (names.size() < MAX_NAMES) {
      names.put(new Utf8(scratch), name);
    }
    return name;
  }
}
