package org.marketflow.ingest.recording;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads lines as bytes, not decoded text, so that a line with invalid UTF-8 reaches its dead letter
 * exactly as it is in the file. A gzip stream cut short throws {@link java.io.EOFException}; {@link
 * #partial()} then holds what was read of the line.
 */
final class ByteLines {

  private final InputStream in;
  private final byte[] buffer = new byte[1 << 16];
  private int position;
  private int limit;
  private final ByteArrayOutputStream line = new ByteArrayOutputStream(4096);

  ByteLines(InputStream in) {
    this.in = in;
  }

  /** The next line without its {@code \n} (or {@code \r\n}), or {@code null} at the end. */
  byte[] next() throws IOException {
    line.reset();
    boolean ended = false;
    while (!ended) {
      if (position == limit) {
        limit = in.read(buffer);
        position = 0;
        if (limit <= 0) {
          limit = 0;
          if (line.size() == 0) {
            return null;
          }
          break;
        }
      }
      int start = position;
      while (position < limit && buffer[position] != '\n') {
        position++;
      }
      line.write(buffer, start, position - start);
      if (position < limit) {
        position++; // the '\n'
        ended = true;
      }
    }
    byte[] bytes = line.toByteArray();
    return bytes.length > 0 && bytes[bytes.length - 1] == '\r'
        ? Arrays.copyOf(bytes, bytes.length - 1)
        : bytes;
  }

  /** What was read of the line being read when the data ended. */
  byte[] partial() {
    return line.toByteArray();
  }

  static int indexOf(byte[] bytes, byte value, int from) {
    for (int i = from; i < bytes.length; i++) {
      if (bytes[i] == value) {
        return i;
      }
    }
    return -1;
  }

  void close() throws IOException {
    in.close();
  }
}
