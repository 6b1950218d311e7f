package org.marketflow.benchmarks;

/** The checks the Kafka benchmarks make of their options, with the option named in the message. */
final class OptionChecks {

  static final int MAX_INSTRUMENTS = 1_000;

  private OptionChecks() {}

  /** The options the two benchmarks share. */
  static void common(
      int instruments, int partitions, int parallelism, int runs, String bootstrapServers) {
    requirePositive("--instruments", instruments);
    requirePositive("--partitions", partitions);
    requirePositive("--parallelism", parallelism);
    requirePositive("--runs", runs);
    if (instruments > MAX_INSTRUMENTS) {
      throw new IllegalArgumentException(
          "--instruments must be at most " + MAX_INSTRUMENTS + ", not " + instruments);
    }
    if (bootstrapServers != null && bootstrapServers.isBlank()) {
      throw new IllegalArgumentException("--bootstrap-servers must not be blank");
    }
  }

  static void requirePositive(String option, long value) {
    if (value <= 0) {
      throw new IllegalArgumentException(option + " must be positive, not " + value);
    }
  }

  static void requireNonNegative(String option, long value) {
    if (value < 0) {
      throw new IllegalArgumentException(option + " must not be negative, not " + value);
    }
  }

  static void requireRate(String option, double value) {
    if (!(value > 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(option + " must be a positive number, not " + value);
    }
  }
}
