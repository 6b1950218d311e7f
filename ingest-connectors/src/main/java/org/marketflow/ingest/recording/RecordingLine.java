package org.marketflow.ingest.recording;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One line of an hftbacktest-style recording: {@code <local receive time, ns since epoch> <raw
 * venue message>}.
 *
 * @param lineNumber 1-based line number in the file, for dead letters
 * @param receiveTimeNs local receive time, nanoseconds since the epoch
 * @param message the raw venue message (JSON), exactly the bytes of the file
 */
public record RecordingLine(long lineNumber, long receiveTimeNs, byte[] message) {

  /** A line whose message is {@code text} in UTF-8; for tests and tools. */
  public RecordingLine(long lineNumber, long receiveTimeNs, String text) {
    this(lineNumber, receiveTimeNs, text.getBytes(StandardCharsets.UTF_8));
  }

  /** The message as text; invalid UTF-8 is replaced, so use {@link #message()} to keep it. */
  public String text() {
    return new String(message, StandardCharsets.UTF_8);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RecordingLine other
        && lineNumber == other.lineNumber
        && receiveTimeNs == other.receiveTimeNs
        && Arrays.equals(message, other.message);
  }

  @Override
  public int hashCode() {
    return 31 * Long.hashCode(lineNumber) + Arrays.hashCode(message);
  }

  @Override
  public String toString() {
    return "RecordingLine[" + lineNumber + ", " + receiveTimeNs + ", " + text() + "]";
  }
}
