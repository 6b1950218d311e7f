package org.marketflow.jobs.common.options;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;

/**
 * Reads a job's {@code --key value} arguments into a {@link Configuration}, refusing what the job
 * would otherwise ignore or fail on later: an unknown option (a typo would silently keep the
 * default), an option without a value, and a value of the wrong type, each with a message naming
 * the option.
 */
public final class JobArguments {

  /** Options that no longer exist, with what to do instead. */
  private static final Map<String, String> REMOVED =
      Map.of(
          "jdbc.migrate",
          "jobs no longer migrate the schema; run scripts/migrate.sh (the db-migrate jar) once per"
              + " deployment");

  private JobArguments() {}

  /**
   * @param args {@code --key value} pairs
   * @param options every option the job knows
   * @throws IllegalArgumentException naming the first bad argument
   */
  public static Configuration parse(String[] args, Collection<ConfigOption<?>> options) {
    Map<String, ConfigOption<?>> known = new LinkedHashMap<>();
    for (ConfigOption<?> option : options) {
      known.put(option.key(), option);
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (!arg.startsWith("--") || arg.length() == 2) {
        throw new IllegalArgumentException(
            "expected an option --key, not '" + arg + "'; options: " + keys(known.keySet()));
      }
      String key = arg.substring(2);
      String value;
      int equals = key.indexOf('=');
      if (equals > 0) {
        value = key.substring(equals + 1);
        key = key.substring(0, equals);
      } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
        value = args[++i];
      } else {
        throw new IllegalArgumentException("option --" + key + " needs a value");
      }
      if (!known.containsKey(key)) {
        String removed = REMOVED.get(key);
        throw new IllegalArgumentException(
            removed != null
                ? "option --" + key + " was removed: " + removed
                : "unknown option --" + key + "; options: " + keys(known.keySet()));
      }
      if (values.put(key, value) != null) {
        throw new IllegalArgumentException("option --" + key + " is given twice");
      }
    }
    Configuration config = Configuration.fromMap(values);
    for (String key : values.keySet()) {
      ConfigOption<?> option = known.get(key);
      try {
        config.get(option);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "invalid value '" + values.get(key) + "' for --" + key + ": " + rootMessage(e), e);
      }
    }
    return config;
  }

  /** Both lists as one, for {@link #parse}. */
  public static List<ConfigOption<?>> with(
      Collection<ConfigOption<?>> common, Collection<ConfigOption<?>> own) {
    List<ConfigOption<?>> all = new ArrayList<>(common);
    all.addAll(own);
    return all;
  }

  private static String keys(Collection<String> keys) {
    return String.join(", ", new TreeSet<>(keys).stream().map(k -> "--" + k).toList());
  }

  private static String rootMessage(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return String.valueOf(cause.getMessage());
  }
}
