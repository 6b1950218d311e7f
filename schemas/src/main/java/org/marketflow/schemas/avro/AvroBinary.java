package org.marketflow.schemas.avro;

import java.io.EOFException;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A cursor over Avro binary in a byte array, for the paths that read a record of the busiest topic
 * in place: its first fields at the source, and the whole record into reused arrays where it is
 * applied. Avro's {@code BinaryDecoder} reads the same encoding, but each record needs it
 * reconfigured (a new byte source, its buffer detached) and each field goes through its buffer
 * refill checks: reading book updates with it took a third of the book operator's thread (JFR).
 * Only what those paths read is here.
 *
 * <p>The encoding is the Avro specification's "Binary Encoding": an int or a long is a zig-zag
 * varint (at most 5 or 10 bytes), a double 8 bytes little-endian, a string a long length then as
 * many bytes of UTF-8, an enum or a union branch an int, and an array blocks of items, each block a
 * long count, negative when the count is followed by the block's size in bytes, the last block
 * empty. Reading a number past the bytes given throws {@link EOFException}; a varint too long, or a
 * string or a skip longer than the bytes left, throws an {@link IOException}.
 *
 * <p>Not thread-safe; reused record after record.
 */
public final class AvroBinary {

  private static final VarHandle LITTLE_ENDIAN_LONG =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private byte[] bytes = new byte[0];
  private int position;
  private int limit;

  /** Reads {@code bytes[offset, offset + length)} from its start. */
  public AvroBinary wrap(byte[] bytes, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, bytes.length);
    this.bytes = bytes;
    this.position = offset;
    this.limit = offset + length;
    return this;
  }

  /** Where the next field starts, in the array wrapped. */
  public int position() {
    return position;
  }

  /** Whether every byte wrapped has been read. */
  public boolean isEnd() {
    return position == limit;
  }

  public long readLong() throws IOException {
    long value = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (position == limit) {
        throw new EOFException("a long cut short");
      }
      int b = bytes[position++];
      value |= (long) (b & 0x7f) << shift;
      if (b >= 0) {
        return (value >>> 1) ^ -(value & 1);
      }
    }
    throw new IOException("a long's varint is longer than 10 bytes");
  }

  public int readInt() throws IOException {
    int value = 0;
    for (int shift = 0; shift < 32; shift += 7) {
      if (position == limit) {
        throw new EOFException("an int cut short");
      }
      int b = bytes[position++];
      value |= (b & 0x7f) << shift;
      if (b >= 0) {
        return (value >>> 1) ^ -(value & 1);
      }
    }
    throw new IOException("an int's varint is longer than 5 bytes");
  }

  public double readDouble() throws IOException {
    if (limit - position < Double.BYTES) {
      throw new EOFException("a double cut short");
    }
    long bits = (long) LITTLE_ENDIAN_LONG.get(bytes, position);
    position += Double.BYTES;
    return Double.longBitsToDouble(bits);
  }

  /** An enum's symbol index or a union's branch. */
  public int readIndex() throws IOException {
    return readInt();
  }

  /**
   * Whether a {@code ["null", T]} union, the contracts' optional field, holds a value: its branch.
   *
   * @throws IOException on a branch other than 0 (null) and 1 (a value)
   */
  public boolean readPresence() throws IOException {
    int branch = readIndex();
    if (branch != 0 && branch != 1) {
      throw new IOException("union branch " + branch + " of a [null, value] union");
    }
    return branch == 1;
  }

  /**
   * A string's length in bytes, leaving the position at its first byte ({@link #position}), for a
   * reader that looks the bytes up rather than decoding them; {@link #skip} passes them.
   */
  public int readStringLength() throws IOException {
    long length = readLong();
    if (length < 0 || length > limit - position) {
      throw new IOException(
          "a string of " + length + " bytes where " + (limit - position) + " are left");
    }
    return (int) length;
  }

  public String readString() throws IOException {
    int length = readStringLength();
    String value = new String(bytes, position, length, StandardCharsets.UTF_8);
    position += length;
    return value;
  }

  public void skipString() throws IOException {
    skip(readStringLength());
  }

  /** Passes {@code n} bytes. */
  public void skip(int n) throws IOException {
    if (n < 0 || n > limit - position) {
      throw new EOFException(n + " bytes to skip where " + (limit - position) + " are left");
    }
    position += n;
  }

  /**
   * The item count of an array's next block, 0 at its end: called at the array's start and after
   * each block's items.
   */
  public long readBlockCount() throws IOException {
    long count = readLong();
    if (count < 0) {
      if (count == Long.MIN_VALUE) {
        throw new IOException("an array block of " + count + " items");
      }
      readLong(); // the block's size in bytes, for skipping it: the items are read
      count = -count;
    }
    return count;
  }

  /** The array wrapped, for a reader that looks at bytes in place. */
  public byte[] bytes() {
    return bytes;
  }
}
