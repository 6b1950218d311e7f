package org.marketflow.schemas.avro;

import java.io.IOException;
import org.apache.avro.AvroTypeException;
import org.apache.avro.io.BinaryDecoder;

/** The suite's optional fields, {@code ["null", T]} unions: branch 0 is null, branch 1 a value. */
final class Unions {

  private Unions() {}

  static Long optionalLong(BinaryDecoder in) throws IOException {
    return present(in) ? in.readLong() : null;
  }

  static Integer optionalInt(BinaryDecoder in) throws IOException {
    return present(in) ? in.readInt() : null;
  }

  static Boolean optionalBoolean(BinaryDecoder in) throws IOException {
    return present(in) ? in.readBoolean() : null;
  }

  static String optionalString(BinaryDecoder in) throws IOException {
    return present(in) ? in.readString() : null;
  }

  private static boolean present(BinaryDecoder in) throws IOException {
    int branch = in.readIndex();
    if (branch == 0) {
      return false;
    }
    if (branch == 1) {
      return true;
    }
    throw new AvroTypeException("union branch " + branch + " of a [null, value] union");
  }
}
