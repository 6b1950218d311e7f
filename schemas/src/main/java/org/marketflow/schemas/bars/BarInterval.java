package org.marketflow.schemas.bars;

import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/** The bar intervals of the suite, with the codes the API and the tables use. */
public enum BarInterval {
  S1("1s", TimeUnit.SECONDS.toMicros(1)),
  M1("1m", TimeUnit.MINUTES.toMicros(1)),
  M5("5m", TimeUnit.MINUTES.toMicros(5)),
  M15("15m", TimeUnit.MINUTES.toMicros(15)),
  H1("1h", TimeUnit.HOURS.toMicros(1)),
  H4("4h", TimeUnit.HOURS.toMicros(4)),
  D1("1d", TimeUnit.DAYS.toMicros(1));

  private final String code;
  private final long micros;

  BarInterval(String code, long micros) {
    this.code = code;
    this.micros = micros;
  }

  public String code() {
    return code;
  }

  public long micros() {
    return micros;
  }

  public long millis() {
    return micros / 1_000;
  }

  /** Start of the bar holding {@code timeUs}; bars are aligned to the epoch, in UTC. */
  public long bucketStartUs(long timeUs) {
    return Math.floorDiv(timeUs, micros) * micros;
  }

  public static Optional<BarInterval> fromCode(String code) {
    return Arrays.stream(values()).filter(i -> i.code.equals(code)).findFirst();
  }

  /** The codes, comma separated, for error messages. */
  public static String codes() {
    return Arrays.stream(values()).map(BarInterval::code).collect(Collectors.joining(", "));
  }
}
