package org.marketflow.schemas.backtest;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The name of a backtest, and the names of everything it writes instead of the live outputs: the
 * PostgreSQL schema {@code backtest_<name>} (reached through {@link #jdbcUrl}) and the Kafka topics
 * {@code <topic>.backtest.<name>}. The jobs, the migration step and whoever reads a backtest's
 * results derive the names here.
 *
 * <p>Lower-case letters, digits and underscores only: PostgreSQL folds an unquoted schema name to
 * lower case (as in a JDBC URL's {@code currentSchema}), so {@code Q1} would name two schemas; and
 * the name must stay a valid topic name and identifier beside its prefix.
 *
 * @param value the name, e.g. {@code q1_momentum}
 */
public record BacktestName(String value) {

  /** Long enough for a description, short enough for PostgreSQL's 63-byte identifiers. */
  public static final int MAX_LENGTH = 40;

  private static final Pattern VALID = Pattern.compile("[a-z0-9_]{1," + MAX_LENGTH + "}");

  /**
   * @throws IllegalArgumentException for a name that is not 1-40 lower-case letters, digits and
   *     underscores
   */
  public BacktestName {
    Objects.requireNonNull(value, "value");
    if (!VALID.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "a backtest name is 1-"
              + MAX_LENGTH
              + " lower-case letters, digits and underscores (e.g. q1_momentum), not '"
              + value
              + "'");
    }
  }

  /** The PostgreSQL schema of the backtest's tables: {@code backtest_<name>}. */
  public String schema() {
    return "backtest_" + value;
  }

  /** The backtest's topic in place of {@code liveTopic}: {@code <liveTopic>.backtest.<name>}. */
  public String topic(String liveTopic) {
    return liveTopic + suffix();
  }

  /** What a backtest adds to a live name (a topic, a consumer group): {@code .backtest.<name>}. */
  public String suffix() {
    return ".backtest." + value;
  }

  /**
   * {@code liveUrl} with {@code currentSchema=backtest_<name>} in place of any {@code
   * currentSchema} it has: every connection's search path is then the backtest's schema alone, so
   * unqualified table (and function) names are the backtest's, and a name missing there fails
   * instead of reaching a live table.
   */
  public String jdbcUrl(String liveUrl) {
    int query = liveUrl.indexOf('?');
    Stream<String> parameters =
        query < 0
            ? Stream.empty()
            : Stream.of(liveUrl.substring(query + 1).split("&"))
                .filter(
                    p -> !p.isEmpty() && !p.toLowerCase(Locale.ROOT).startsWith("currentschema="));
    return (query < 0 ? liveUrl : liveUrl.substring(0, query))
        + Stream.concat(parameters, Stream.of("currentSchema=" + schema()))
            .collect(Collectors.joining("&", "?", ""));
  }

  @Override
  public String toString() {
    return value;
  }
}
