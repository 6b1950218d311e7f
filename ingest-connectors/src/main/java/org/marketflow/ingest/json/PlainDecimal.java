package org.marketflow.ingest.json;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Reads a venue's plain decimal string ({@code "61837.63000000"}) straight from a message's bytes,
 * without building a {@code String}: the grammar is {@link VenueJson#decimal(String, String)}'s (1
 * to 20 digits, optionally a point and 1 to 20 digits; no sign, exponent, blank or escape) and the
 * value is the one {@link Double#parseDouble} gives for the same text.
 *
 * <p>The value is exact without {@code parseDouble} when the digits, point removed, make an integer
 * {@code m} of at most 2<sup>53</sup> and there are {@code s <= 22} digits after the point: {@code
 * m} and {@code 10^s} are then both doubles exactly, and IEEE division rounds {@code m / 10^s}
 * correctly, which is what {@code parseDouble} does with the decimal. Binance's prices and sizes,
 * such as {@code 61837.63000000} (13 digits), take that path; longer ones go through {@code
 * parseDouble}.
 *
 * <p>One instance per thread: it keeps the last value read.
 */
public final class PlainDecimal {

  /** 10^0 to 10^22: the powers of ten that are doubles exactly. */
  private static final double[] POWERS_OF_TEN = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22
  };

  /** The largest integer up to which every integer is a double exactly: 2^53. */
  private static final long EXACT_LIMIT = 1L << 53;

  /** How many digits a part may have, as in {@code VenueJson}'s grammar. */
  private static final int MAX_DIGITS = 20;

  /** Digits a {@code long} holds without overflow whatever they are: 18. */
  private static final int LONG_DIGITS = 18;

  /** Eight bytes of an array as a {@code long}, the first byte the lowest. */
  private static final VarHandle EIGHT_BYTES =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private long mantissa;
  private double value;

  /**
   * Reads the JSON string whose opening quote is at {@code json[quote]}.
   *
   * @return the index after its closing quote, or -1 when it is not a plain decimal string (or
   *     holds anything else: an escape, a non-ASCII byte, a missing quote)
   */
  public int read(byte[] json, int quote) {
    int n = json.length;
    if (quote < 0 || quote >= n || json[quote] != '"') {
      return -1;
    }
    int start = quote + 1;
    int at = start;
    // The digits, point removed, as an integer; used only when there are few enough.
    mantissa = 0;
    at = digits(json, at);
    int integerDigits = at - start;
    if (integerDigits == 0 || integerDigits > MAX_DIGITS) {
      return -1;
    }
    int scale = 0;
    if (at < n && json[at] == '.') {
      int fractionStart = ++at;
      at = digits(json, at);
      scale = at - fractionStart;
      if (scale == 0 || scale > MAX_DIGITS) {
        return -1;
      }
    }
    if (at >= n || json[at] != '"') {
      return -1;
    }
    if (integerDigits + scale <= LONG_DIGITS && mantissa <= EXACT_LIMIT) {
      value = mantissa / POWERS_OF_TEN[scale];
    } else {
      // At most 20 + 20 digits: never infinite.
      value = Double.parseDouble(new String(json, start, at - start, StandardCharsets.ISO_8859_1));
    }
    return at + 1;
  }

  /**
   * The end of the run of ASCII digits from {@code at}, each added to {@link #mantissa} (which
   * overflows, unused, past 18 digits). Eight at a time while there are eight: the same arithmetic
   * on the eight bytes of a {@code long} at once (SWAR, as in simdjson and FastDoubleParser), since
   * one digit at a time is a chain of dependent multiplications. (Taking the digits of a shorter
   * run at once too, by shifting them into place, measured slower.)
   */
  private int digits(byte[] json, int at) {
    long value = mantissa;
    while (at + 8 <= json.length) {
      long chunk = (long) EIGHT_BYTES.get(json, at);
      long digits = chunk - 0x3030303030303030L; // '0' from each byte
      // The high bit of each byte that is not a digit: + 0x46 sets it above '9', - '0' below '0'
      // and for non-ASCII bytes (below the first such byte nothing carries or borrows).
      if ((((chunk + 0x4646464646464646L) | digits) & 0x8080808080808080L) != 0) {
        break;
      }
      value = value * 100_000_000L + eightDigits(digits);
      at += 8;
    }
    int digit;
    while (at < json.length && (digit = json[at] - '0') >= 0 && digit <= 9) {
      value = value * 10 + digit;
      at++;
    }
    mantissa = value;
    return at;
  }

  /**
   * The number that eight digit values 0 to 9 make, the first in the lowest byte: pairs, then
   * fours, then all eight, by multiplications that combine the lanes.
   */
  private static long eightDigits(long digits) {
    long pairs = digits * 10 + (digits >>> 8); // lanes of 16 bits: 10 a + b
    long low = (pairs & 0x000000FF000000FFL) * (100 + (1_000_000L << 32));
    long high = ((pairs >>> 16) & 0x000000FF000000FFL) * (1 + (10_000L << 32));
    return (low + high) >>> 32;
  }

  /** The value of the decimal last {@link #read}. */
  public double value() {
    return value;
  }
}
