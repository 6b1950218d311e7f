package org.marketflow.schemas.book;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.CRC32;
import org.marketflow.schemas.avro.BookLevel;

/**
 * The checksum of an {@link org.marketflow.schemas.avro.OrderBookSnapshot}'s levels: CRC32 (the
 * zlib / ISO-HDLC polynomial of {@code java.util.zip.CRC32} and Python's {@code zlib.crc32}),
 * unsigned, of the US-ASCII bytes of the canonical text
 *
 * <pre>
 * B &lt;price&gt; &lt;size&gt;\n   for each bid, highest price first
 * A &lt;price&gt; &lt;size&gt;\n   for each ask, lowest price first
 * </pre>
 *
 * where a number is the 16 lower-case hex digits of its IEEE 754 binary64 bits, most significant
 * first (Python: {@code struct.pack('>d', x).hex()}). The bits are exact in every language and
 * carrier (Avro, PostgreSQL {@code double precision}, shortest-decimal JSON), so a consumer
 * verifies the levels it received without agreeing on a decimal format. Order counts are not
 * included. An empty book's text is empty and its checksum 0.
 */
public final class BookChecksum {

  /** Characters per level line: a side letter, two numbers, two spaces and the line end. */
  static final int LINE_LENGTH = 1 + 1 + 16 + 1 + 16 + 1;

  private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

  private BookChecksum() {}

  /** The checksum of {@code bids} (best first) and {@code asks} (best first), 0 to 2^32 - 1. */
  public static long of(List<BookLevel> bids, List<BookLevel> asks) {
    CRC32 crc = new CRC32();
    crc.update(canonicalBytes(bids, asks));
    return crc.getValue();
  }

  /** The canonical text the checksum is computed over, for people and other implementations. */
  public static String canonicalText(List<BookLevel> bids, List<BookLevel> asks) {
    return new String(canonicalBytes(bids, asks), StandardCharsets.US_ASCII);
  }

  private static byte[] canonicalBytes(List<BookLevel> bids, List<BookLevel> asks) {
    byte[] text = new byte[(bids.size() + asks.size()) * LINE_LENGTH];
    int at = 0;
    for (BookLevel level : bids) {
      at = line(text, at, 'B', level);
    }
    for (BookLevel level : asks) {
      at = line(text, at, 'A', level);
    }
    return text;
  }

  private static int line(byte[] text, int at, char side, BookLevel level) {
    text[at++] = (byte) side;
    text[at++] = ' ';
    at = hex(text, at, level.getPrice());
    text[at++] = ' ';
    at = hex(text, at, level.getSize());
    text[at++] = '\n';
    return at;
  }

  private static int hex(byte[] text, int at, double value) {
    long bits = Double.doubleToLongBits(value);
    for (int shift = 60; shift >= 0; shift -= 4) {
      text[at++] = HEX[(int) (bits >>> shift) & 0xF];
    }
    return at;
  }
}
