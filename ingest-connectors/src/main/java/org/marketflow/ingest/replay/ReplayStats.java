package org.marketflow.ingest.replay;

import java.util.Map;
import java.util.TreeMap;

/** What a replay did: lines read, trades published, messages ignored by kind, dead letters. */
public final class ReplayStats {

  private long lines;
  private long trades;
  private long deadLetters;
  private final Map<String, Long> ignored = new TreeMap<>();

  void line() {
    lines++;
  }

  void trade() {
    trades++;
  }

  void deadLetter() {
    deadLetters++;
  }

  void ignored(String kind) {
    ignored.merge(kind, 1L, Long::sum);
  }

  public long lines() {
    return lines;
  }

  public long trades() {
    return trades;
  }

  public long deadLetters() {
    return deadLetters;
  }

  public Map<String, Long> ignored() {
    return Map.copyOf(ignored);
  }

  @Override
  public String toString() {
    return "lines="
        + lines
        + " trades="
        + trades
        + " deadLetters="
        + deadLetters
        + " ignored="
        + ignored;
  }
}
