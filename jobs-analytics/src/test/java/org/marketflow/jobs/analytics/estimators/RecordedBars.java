package org.marketflow.jobs.analytics.estimators;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.marketflow.testing.data.SharedData;

/** A month of real 1-minute bars (BTC-PERP, 2022-01) from {@code shared/data/bars}. */
public final class RecordedBars {

  static final String FILE = "bars/btc-perp-20211231-20220201_1m.csv";
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");
  private static List<PriceBar> bars;

  private RecordedBars() {}

  public static synchronized List<PriceBar> all() throws IOException {
    if (bars == null) {
      List<PriceBar> read = new ArrayList<>();
      List<String> lines = Files.readAllLines(SharedData.file(FILE), StandardCharsets.UTF_8);
      for (String line : lines.subList(1, lines.size())) {
        String[] f = line.split(",");
        long startMs = LocalDateTime.parse(f[0], TIME).toInstant(ZoneOffset.UTC).toEpochMilli();
        read.add(
            new PriceBar(
                startMs,
                Double.parseDouble(f[1]),
                Double.parseDouble(f[2]),
                Double.parseDouble(f[3]),
                Double.parseDouble(f[4]),
                Double.parseDouble(f[5])));
      }
      bars = List.copyOf(read);
    }
    return bars;
  }
}
