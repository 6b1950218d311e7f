package org.marketflow.benchmarks.flink;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.marketflow.schemas.bars.BarInterval;

/**
 * The job's final bars against the SQL query's, bar by bar (by instrument, interval and bucket
 * start) and field by field ({@link BarFields#differences}). Both sides are gathered first, then
 * compared; the first few differences are kept in full, the others counted.
 */
public final class BarComparison {

  /** How many differences {@link Result#shown} keeps in full. */
  static final int SHOWN = 5;

  private static final Comparator<BarFields.Key> ORDER =
      Comparator.<BarFields.Key>comparingLong(
              key -> BarInterval.fromCode(key.interval()).map(BarInterval::micros).orElse(0L))
          .thenComparing(BarFields.Key::instrument)
          .thenComparingLong(BarFields.Key::bucketStartUs);

  private final List<BarInterval> intervals;
  private final long trades;
  private final Map<BarFields.Key, BarFields> job = new HashMap<>();
  private final Map<BarFields.Key, BarFields> sql = new HashMap<>();
  private long repeated;

  /**
   * @param intervals the intervals both sides compute
   * @param trades the trades read: each interval's bars must hold them all
   */
  public BarComparison(List<BarInterval> intervals, long trades) {
    this.intervals = List.copyOf(intervals);
    this.trades = trades;
  }

  /** A final bar of the job. */
  public void addJob(BarFields bar) {
    if (job.putIfAbsent(bar.key(), bar) != null) {
      repeated++;
    }
  }

  /** A bar of the SQL query. */
  public void addSql(BarFields bar) {
    if (sql.putIfAbsent(bar.key(), bar) != null) {
      repeated++;
    }
  }

  /** Compares what was added. */
  public Result result() {
    Map<String, Long> compared = new LinkedHashMap<>();
    Map<String, Long> tradesInJobBars = new LinkedHashMap<>();
    for (BarInterval interval : intervals) {
      compared.put(interval.code(), 0L);
      tradesInJobBars.put(interval.code(), 0L);
    }
    List<String> shown = new ArrayList<>();
    long mismatched = 0;
    long onlyFromJob = 0;
    for (BarFields.Key key : job.keySet().stream().sorted(ORDER).toList()) {
      BarFields bar = job.get(key);
      tradesInJobBars.merge(key.interval(), bar.tradeCount(), Long::sum);
      BarFields other = sql.get(key);
      if (other == null) {
        onlyFromJob++;
        show(shown, key + " only from the job: " + bar);
        continue;
      }
      compared.merge(key.interval(), 1L, Long::sum);
      List<String> differences = bar.differences(other);
      if (!differences.isEmpty()) {
        mismatched++;
        show(
            shown,
            key
                + " differs: "
                + String.join("; ", differences)
                + ". Job "
                + bar
                + ", SQL "
                + other);
      }
    }
    long onlyFromSql = 0;
    for (BarFields.Key key : sql.keySet().stream().sorted(ORDER).toList()) {
      if (!job.containsKey(key)) {
        onlyFromSql++;
        show(shown, key + " only from SQL: " + sql.get(key));
      }
    }
    return new Result(
        compared, tradesInJobBars, trades, mismatched, onlyFromJob, onlyFromSql, repeated, shown);
  }

  private static void show(List<String> shown, String difference) {
    if (shown.size() < SHOWN) {
      shown.add(difference);
    }
  }

  /**
   * What the comparison found.
   *
   * @param compared bars present on both sides and compared field by field, per interval
   * @param tradesInJobBars the job's bars' trade counts added up, per interval
   * @param trades the trades each interval's bars must hold
   * @param mismatched compared bars with at least one field that differs
   * @param repeated bars a side emitted more than once (the later ones are not compared)
   * @param shown the first differences, in full
   */
  public record Result(
      Map<String, Long> compared,
      Map<String, Long> tradesInJobBars,
      long trades,
      long mismatched,
      long onlyFromJob,
      long onlyFromSql,
      long repeated,
      List<String> shown) {

    public Result {
      compared = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(compared));
      tradesInJobBars = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(tradesInJobBars));
      shown = List.copyOf(shown);
    }

    public long comparedBars() {
      return compared.values().stream().mapToLong(Long::longValue).sum();
    }

    /** What contradicts agreement; empty when every bar is on both sides and equal. */
    public List<String> problems() {
      List<String> problems = new ArrayList<>();
      if (mismatched > 0) {
        problems.add(
            "field check: "
                + mismatched
                + " of "
                + comparedBars()
                + " bars differ between the job and the SQL query");
      }
      if (onlyFromJob > 0) {
        problems.add("field check: bars only from the job: " + onlyFromJob);
      }
      if (onlyFromSql > 0) {
        problems.add("field check: bars only from the SQL query: " + onlyFromSql);
      }
      if (repeated > 0) {
        problems.add("field check: bars a side emitted more than once: " + repeated);
      }
      tradesInJobBars.forEach(
          (interval, held) -> {
            if (held != trades) {
              problems.add(
                  "field check: the job's "
                      + interval
                      + " bars hold "
                      + held
                      + " trades, not "
                      + trades);
            }
          });
      return problems;
    }
  }
}
