package org.marketflow.jobs.common.options;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;
import org.marketflow.jobs.common.kafka.EventTimeRange;
import org.marketflow.schemas.backtest.BacktestName;

/**
 * A backtest: the job replays the event times {@code [from, to)} of its input topics and writes
 * what it computes to outputs of its own, never to the live ones. Given {@code --backtest.name},
 * {@code --from} and {@code --to}:
 *
 * <ul>
 *   <li>the Kafka sources start at the offsets of Kafka timestamp {@code from} and stop at those of
 *       {@code to} plus {@code watermark.out-of-orderness} ({@link #bound}), and pass on only the
 *       records whose event time is in the range ({@link #eventTimes}). The suite's producers stamp
 *       every record with its event time, but a partition is in arrival order: the extra read after
 *       {@code to} takes in the records of the range that arrived after later ones, as the live job
 *       waits for them, and the filter drops what lies outside;
 *   <li>tables are written to the schema {@code backtest_<name>} ({@link #jdbcUrl(String)}), which
 *       the migration step creates ({@code scripts/migrate.sh --backtest <name>});
 *   <li>every Kafka sink writes to {@code <topic>.backtest.<name>}, and the consumer group and
 *       transactional ids are the live ones with that suffix, so a backtest neither moves the live
 *       job's committed offsets nor aborts its transactions;
 *   <li>no Redis key is written ({@link JobOptions#writesRedis}): Redis holds only the live state.
 * </ul>
 *
 * <p>All three options or none: a range without a name would write the live outputs, a name without
 * a range would read whatever the topics hold when it runs. A bounded run into the live outputs (a
 * replay after a fix, say) is {@code source.start}/{@code source.stop}, which do not mix with
 * {@code --from}/{@code --to}.
 *
 * @param name the backtest's name, which names its schema and topics
 * @param from the first event time replayed
 * @param to the first event time no longer replayed
 */
public record Backtest(BacktestName name, Instant from, Instant to) {

  static final String INSTANT_EXAMPLE = "2025-01-15T10:00:00Z";

  /** What {@code --from}/{@code --to} set, which may not be given beside them. */
  private static final List<ConfigOption<?>> SOURCE_BOUNDS =
      List.of(
          JobOptions.START_FROM,
          JobOptions.START_TIMESTAMP_MS,
          JobOptions.STOP_AT,
          JobOptions.STOP_TIMESTAMP_MS);

  /**
   * @throws IllegalArgumentException if {@code from} is not before {@code to} or before the epoch
   *     (Kafka has no earlier timestamps)
   */
  public Backtest {
    if (from.isBefore(Instant.EPOCH)) {
      throw new IllegalArgumentException(
          "--from " + from + " is before 1970-01-01T00:00:00Z, the first Kafka timestamp");
    }
    if (!from.isBefore(to)) {
      throw new IllegalArgumentException(
          "--from "
              + from
              + " is not before --to "
              + to
              + ": a backtest replays the event times from --from up to, not including, --to");
    }
  }

  /**
   * The backtest the options ask for, if any.
   *
   * @throws IllegalArgumentException naming the option, for a name, instant or combination of
   *     options that is not a backtest
   */
  public static Optional<Backtest> of(Configuration config) {
    Optional<String> name = config.getOptional(JobOptions.BACKTEST_NAME);
    Optional<String> from = config.getOptional(JobOptions.FROM);
    Optional<String> to = config.getOptional(JobOptions.TO);
    if (name.isEmpty()) {
      if (from.isPresent() || to.isPresent()) {
        throw new IllegalArgumentException(
            "--from and --to are for a backtest, which writes a schema and topics of its own:"
                + " name it with --backtest.name <name> (a bounded run into the live outputs is"
                + " --source.start/--source.stop TIMESTAMP)");
      }
      return Optional.empty();
    }
    BacktestName backtest = name(name.get());
    if (from.isEmpty() || to.isEmpty()) {
      throw new IllegalArgumentException(
          "backtest "
              + backtest
              + " needs "
              + (from.isEmpty() && to.isEmpty()
                  ? "--from and --to"
                  : from.isEmpty() ? "--from" : "--to")
              + ", the event times it replays: e.g. --from "
              + INSTANT_EXAMPLE
              + " --to 2025-01-15T11:00:00Z");
    }
    List<String> bounds = new ArrayList<>();
    for (ConfigOption<?> option : SOURCE_BOUNDS) {
      if (config.contains(option)) {
        bounds.add("--" + option.key());
      }
    }
    if (!bounds.isEmpty()) {
      throw new IllegalArgumentException(
          "--from/--to bound the sources of backtest "
              + backtest
              + "; drop "
              + String.join(", ", bounds));
    }
    return Optional.of(
        new Backtest(
            backtest, instant(JobOptions.FROM, from.get()), instant(JobOptions.TO, to.get())));
  }

  /**
   * Where the job's tables are: {@code jdbc.url}, in a backtest its schema; {@code null} without.
   */
  public static String jdbcUrl(Configuration config) {
    String url = config.get(JobOptions.JDBC_URL);
    return url == null ? null : of(config).map(b -> b.jdbcUrl(url)).orElse(url);
  }

  /** The event times the sources pass on. */
  public EventTimeRange eventTimes() {
    return new EventTimeRange(micros(from), micros(to));
  }

  /**
   * {@code config} with the sources bounded by Kafka timestamps: {@code source.start=TIMESTAMP} at
   * {@code from} and {@code source.stop=TIMESTAMP} at {@code to} plus the out-of-orderness.
   */
  public Configuration bound(Configuration config) {
    long toMs = -Math.floorDiv(-micros(to), 1_000L); // the first millisecond at or after to
    Configuration bounded = new Configuration(config);
    bounded.set(JobOptions.START_FROM, StartFrom.TIMESTAMP);
    bounded.set(JobOptions.START_TIMESTAMP_MS, Math.floorDiv(micros(from), 1_000L));
    bounded.set(JobOptions.STOP_AT, StopAt.TIMESTAMP);
    bounded.set(
        JobOptions.STOP_TIMESTAMP_MS, toMs + config.get(JobOptions.OUT_OF_ORDERNESS).toMillis());
    return bounded;
  }

  /** The backtest's consumer group (and prefix of its transactional ids) beside {@code live}. */
  public String groupId(String live) {
    return live + name.suffix();
  }

  /** The backtest's topic in place of {@code liveTopic}. */
  public String topic(String liveTopic) {
    return name.topic(liveTopic);
  }

  /** {@code liveUrl} pointing at the backtest's schema ({@link BacktestName#jdbcUrl}). */
  public String jdbcUrl(String liveUrl) {
    return name.jdbcUrl(liveUrl);
  }

  private static BacktestName name(String value) {
    try {
      return new BacktestName(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "invalid value '"
              + value
              + "' for --"
              + JobOptions.BACKTEST_NAME.key()
              + ": "
              + e.getMessage(),
          e);
    }
  }

  private static Instant instant(ConfigOption<String> option, String value) {
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "invalid value '"
              + value
              + "' for --"
              + option.key()
              + ": not an ISO 8601 instant; write e.g. "
              + INSTANT_EXAMPLE,
          e);
    }
  }

  private static long micros(Instant instant) {
    return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
  }
}
