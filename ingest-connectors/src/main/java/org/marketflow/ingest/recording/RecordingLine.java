package org.marketflow.ingest.recording;

/**
 * One line of an hftbacktest-style recording: {@code <local receive time, ns since epoch> <raw
 * venue message>}.
 *
 * @param lineNumber 1-based line number in the file, for dead letters
 * @param receiveTimeNs local receive time, nanoseconds since the epoch
 * @param message the raw venue message (JSON)
 */
public record RecordingLine(long lineNumber, long receiveTimeNs, String message) {}
