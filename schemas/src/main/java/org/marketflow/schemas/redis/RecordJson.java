package org.marketflow.schemas.redis;

import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.IndexedRecord;

/**
 * An Avro record as plain JSON: an object with the record's field names, in schema order; a
 * nullable field's value or {@code null} (no Avro union wrapper); enums and strings as strings;
 * numbers in Java's shortest form that reads back to the same double (so a snapshot's checksum can
 * be verified); a non-finite double as {@code null}; arrays and nested records as JSON arrays and
 * objects. Bytes and fixed fields are not supported (no record written to Redis has one).
 */
public final class RecordJson {

  private RecordJson() {}

  /**
   * @throws IllegalArgumentException for a bytes or fixed field
   */
  public static String of(IndexedRecord record) {
    StringBuilder out = new StringBuilder(256);
    write(out, record.getSchema(), record);
    return out.toString();
  }

  /**
   * A value of {@code schema} (a record's array field, say) as JSON, by the same rules.
   *
   * @throws IllegalArgumentException for a bytes or fixed value
   */
  public static String of(Schema schema, Object value) {
    StringBuilder out = new StringBuilder(64);
    write(out, schema, value);
    return out.toString();
  }

  private static void write(StringBuilder out, Schema schema, Object value) {
    switch (schema.getType()) {
      case NULL -> out.append("null");
      case UNION -> {
        if (value == null) {
          out.append("null");
        } else {
          write(out, branchOf(schema, value), value);
        }
      }
      case RECORD -> {
        IndexedRecord record = (IndexedRecord) value;
        out.append('{');
        for (Schema.Field field : schema.getFields()) {
          if (field.pos() > 0) {
            out.append(',');
          }
          string(out, field.name());
          out.append(':');
          write(out, field.schema(), record.get(field.pos()));
        }
        out.append('}');
      }
      case ARRAY -> {
        out.append('[');
        int i = 0;
        for (Object element : (List<?>) value) {
          if (i++ > 0) {
            out.append(',');
          }
          write(out, schema.getElementType(), element);
        }
        out.append(']');
      }
      case MAP -> {
        out.append('{');
        int i = 0;
        for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
          if (i++ > 0) {
            out.append(',');
          }
          string(out, entry.getKey().toString());
          out.append(':');
          write(out, schema.getValueType(), entry.getValue());
        }
        out.append('}');
      }
      case STRING, ENUM -> string(out, value.toString());
      case INT, LONG, BOOLEAN -> out.append(value);
      case FLOAT, DOUBLE -> {
        double d = ((Number) value).doubleValue();
        out.append(Double.isFinite(d) ? Double.toString(d) : "null");
      }
      default ->
          throw new IllegalArgumentException(
              "no JSON form for the " + schema.getType() + " of " + schema.getFullName());
    }
  }

  /**
   * The branch of a union that a non-null {@code value} takes: for the suite's optional fields,
   * {@code ["null", T]}, the other branch, without Avro's lookup of the value's schema by name
   * (about 3 % of the thread that writes ticks to Redis, at a tick per book update).
   */
  private static Schema branchOf(Schema union, Object value) {
    List<Schema> types = union.getTypes();
    if (types.size() == 2) {
      if (types.get(0).getType() == Schema.Type.NULL) {
        return types.get(1);
      }
      if (types.get(1).getType() == Schema.Type.NULL) {
        return types.get(0);
      }
    }
    return types.get(GenericData.get().resolveUnion(union, value));
  }

  private static void string(StringBuilder out, String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
