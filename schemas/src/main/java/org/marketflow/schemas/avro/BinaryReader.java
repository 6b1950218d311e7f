package org.marketflow.schemas.avro;

import java.io.IOException;
import org.apache.avro.io.BinaryDecoder;

/** Reads one record of a fixed schema from Avro binary. */
@FunctionalInterface
interface BinaryReader<T> {

  /**
   * @throws IOException (or a runtime exception from Avro's decoder) when the bytes are not a
   *     record of the schema
   */
  T read(BinaryDecoder in) throws IOException;
}
