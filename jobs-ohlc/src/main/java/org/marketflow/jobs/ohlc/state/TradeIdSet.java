package org.marketflow.jobs.ohlc.state;

import it.unimi.dsi.fastutil.longs.LongIterator;
import it.unimi.dsi.fastutil.longs.LongOpenHashSet;
import java.util.Arrays;

/**
 * A bar's trade id keys ({@link TradeIdKey}). Venues number an instrument's trades in order, so a
 * bar's keys are mostly a dense run of consecutive numbers: those are kept as bits from the bar's
 * first key on, a bit a trade set in order (no hashing, no probing around a large table, which took
 * a sixth of the source's thread), and every other key (a hashed string id, a key before the first
 * one, a jump) in a hash set.
 *
 * <p>Memory: the bits grow only while they hold at least one key per 128 bits on average (a hash
 * set spends about that per key), and to at most 2^20 keys past the first; a key they cannot take
 * goes to the hash set. A key is looked up in both, so it is found wherever it went first.
 */
public final class TradeIdSet {

  private static final int MAX_WORDS = 1 << 14;

  private boolean started;
  private long base;
  private long[] words = new long[4];
  private LongOpenHashSet others;
  private int size;

  /** Adds {@code key}; false when it is there already. */
  public boolean add(long key) {
    if (!started) {
      started = true;
      base = key;
    }
    if (key >= base) {
      long word = (key - base) >>> 6; // the difference read unsigned: it may exceed Long.MAX_VALUE
      if (word < words.length || grow(word)) {
        int index = (int) word;
        long bit = 1L << (key - base);
        if ((words[index] & bit) != 0 || (others != null && others.contains(key))) {
          return false;
        }
        words[index] |= bit;
        size++;
        return true;
      }
    }
    if (others == null) {
      others = new LongOpenHashSet();
    }
    if (!others.add(key)) {
      return false;
    }
    size++;
    return true;
  }

  /** Makes room for {@code word} when that keeps the bits dense enough. */
  private boolean grow(long word) {
    long needed = word + 1;
    if (word < 0 || needed > MAX_WORDS || needed > 2L * (size + 32)) {
      return false;
    }
    int length = (int) Math.min(MAX_WORDS, Math.max(needed, 2L * words.length));
    words = Arrays.copyOf(words, length);
    return true;
  }

  public int size() {
    return size;
  }

  /** Every key, in no particular order: what a checkpoint keeps. */
  public long[] toLongArray() {
    long[] keys = new long[size];
    int n = 0;
    for (int w = 0; w < words.length; w++) {
      for (long bits = words[w]; bits != 0; bits &= bits - 1) {
        keys[n++] = base + ((long) w << 6) + Long.numberOfTrailingZeros(bits);
      }
    }
    if (others != null) {
      for (LongIterator i = others.iterator(); i.hasNext(); ) {
        keys[n++] = i.nextLong();
      }
    }
    return keys;
  }
}
