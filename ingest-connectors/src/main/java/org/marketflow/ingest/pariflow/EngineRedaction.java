package org.marketflow.ingest.pariflow;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What of a rejected engine message may go into a dead letter: user ids never leave the feed, and a
 * bad message may hold them anywhere. The raw bytes are kept exactly except
 *
 * <ul>
 *   <li>the value of every field whose name is not one of the engine's format fields ({@link
 *       PariflowParser#FORMAT_FIELDS}) becomes {@value #REMOVED}: {@code makerUserId}, {@code
 *       takerUserId}, and any field the engine adds or a flipped byte renames;
 *   <li>from the point where the bytes stop being JSON (the end of the last value read whole) to
 *       the end, everything is cut: what follows cannot be told apart from a user id;
 *   <li>a message that is not a JSON object is removed whole.
 * </ul>
 *
 * The dead letter's topic, partition and offset still find the original in the engine's topic, for
 * those allowed to read it.
 */
final class EngineRedaction {

  static final String REMOVED = "\"<removed>\"";

  private static final JsonFactory JSON = new JsonFactory();

  /**
   * @param raw the bytes to put in the dead letter
   * @param removedValues how many field values were replaced
   * @param cutAt the byte where the message was cut, or -1 when it was not
   */
  record Redacted(byte[] raw, int removedValues, long cutAt) {

    /** What was done, for the dead letter's reason; empty when nothing was. */
    String note() {
      List<String> notes = new ArrayList<>(2);
      if (removedValues > 0) {
        notes.add(removedValues + " value(s) of fields outside the engine format removed");
      }
      if (cutAt == 0) {
        notes.add("raw removed: not a readable JSON object");
      } else if (cutAt > 0) {
        notes.add("raw cut at byte " + cutAt + " where it stops being JSON");
      }
      return notes.isEmpty() ? "" : " [" + String.join("; ", notes) + "]";
    }
  }

  private EngineRedaction() {}

  static Redacted redact(byte[] raw, Set<String> keep) {
    List<long[]> removed = new ArrayList<>();
    long cutAt = -1;
    long safeEnd = 0; // every byte before it is read and judged
    try (JsonParser parser = JSON.createParser(raw)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return new Redacted(new byte[0], 0, 0);
      }
      safeEnd = parser.currentLocation().getByteOffset();
      JsonToken token;
      while ((token = parser.nextToken()) != null) {
        if (token == JsonToken.FIELD_NAME) {
          // Jackson reads ahead into the value with the name: only the bytes before the name are
          // judged until the value is
          safeEnd = parser.currentTokenLocation().getByteOffset();
          if (!keep.contains(parser.currentName())) {
            JsonToken value = parser.nextToken();
            long start = parser.currentTokenLocation().getByteOffset();
            if (value.isStructStart()) {
              parser.skipChildren();
            } else {
              parser.finishToken(); // a string is read lazily: read it to its closing quote
            }
            safeEnd = parser.currentLocation().getByteOffset();
            removed.add(new long[] {start, safeEnd});
          }
          continue;
        }
        parser.finishToken();
        safeEnd = parser.currentLocation().getByteOffset();
        if (token == JsonToken.END_OBJECT && parser.getParsingContext().inRoot()) {
          break;
        }
      }
      int end = (int) safeEnd;
      if (token == null) {
        cutAt = safeEnd; // the object never ended
      } else if (!new String(raw, end, raw.length - end, StandardCharsets.UTF_8).isBlank()) {
        cutAt = end; // something after the object
      }
    } catch (IOException | RuntimeException e) {
      cutAt = safeEnd;
    }
    return new Redacted(rewrite(raw, removed, cutAt), removed.size(), cutAt);
  }

  private static byte[] rewrite(byte[] raw, List<long[]> removed, long cutAt) {
    int end = cutAt < 0 ? raw.length : (int) Math.min(cutAt, raw.length);
    ByteArrayOutputStream out = new ByteArrayOutputStream(end);
    int at = 0;
    for (long[] range : removed) {
      int start = (int) range[0];
      if (start >= end) {
        break;
      }
      out.write(raw, at, start - at);
      out.writeBytes(REMOVED.getBytes(StandardCharsets.UTF_8));
      at = (int) Math.min(range[1], end);
    }
    out.write(raw, at, end - at);
    return out.toByteArray();
  }
}
