package org.marketflow.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

/**
 * The bars of a Binance recording, computed with a plain loop over its trade messages,
 * independently of the suite's code: what the pipeline must reproduce field by field. A trade's
 * aggressor sold when its buyer was the maker ({@code "m": true}). Volumes are summed exactly, in
 * BigDecimal, and rounded once to a double, as the job's exact sums are (a notional is the double
 * product of price and size, as in the job).
 */
final class ReferenceBars {

  /** One expected bar; times in epoch milliseconds, as Binance stamps trades. */
  static final class Bar {
    long startMs;
    double open;
    double high = Double.NEGATIVE_INFINITY;
    double low = Double.POSITIVE_INFINITY;
    double close;
    private BigDecimal volumeSum = BigDecimal.ZERO;
    private BigDecimal quoteVolumeSum = BigDecimal.ZERO;
    long trades;
    long firstMs = Long.MAX_VALUE;
    long firstId = Long.MAX_VALUE;
    long lastMs = Long.MIN_VALUE;
    long lastId = Long.MIN_VALUE;
    private BigDecimal buyVolumeSum = BigDecimal.ZERO;
    private BigDecimal sellVolumeSum = BigDecimal.ZERO;
    long buyTrades;
    long sellTrades;

    double volume() {
      return volumeSum.doubleValue();
    }

    double quoteVolume() {
      return quoteVolumeSum.doubleValue();
    }

    double buyVolume() {
      return buyVolumeSum.doubleValue();
    }

    double sellVolume() {
      return sellVolumeSum.doubleValue();
    }

    double vwap() {
      return quoteVolume() / volume();
    }
  }

  private ReferenceBars() {}

  /** 1-minute bars by start time (ms) for one symbol's trades in the file. */
  static Map<Long, Bar> fromRecording(Path file) throws IOException {
    return fromRecording(file, 60_000);
  }

  /** Bars of {@code intervalMs} by start time (ms), aligned to the epoch, from the file. */
  static Map<Long, Bar> fromRecording(Path file, long intervalMs) throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    Map<Long, Bar> bars = new TreeMap<>();
    try (BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        JsonNode data = mapper.readTree(line.substring(line.indexOf(' ') + 1)).path("data");
        if (!"trade".equals(data.path("e").asText())) {
          continue;
        }
        long timeMs = data.get("T").asLong();
        long id = data.get("t").asLong();
        double price = Double.parseDouble(data.get("p").asText());
        double size = Double.parseDouble(data.get("q").asText());
        long startMs = timeMs / intervalMs * intervalMs;
        Bar bar = bars.computeIfAbsent(startMs, start -> new Bar());
        bar.startMs = startMs;
        if (timeMs < bar.firstMs || (timeMs == bar.firstMs && id < bar.firstId)) {
          bar.firstMs = timeMs;
          bar.firstId = id;
          bar.open = price;
        }
        if (timeMs > bar.lastMs || (timeMs == bar.lastMs && id >= bar.lastId)) {
          bar.lastMs = timeMs;
          bar.lastId = id;
          bar.close = price;
        }
        bar.high = Math.max(bar.high, price);
        bar.low = Math.min(bar.low, price);
        bar.volumeSum = bar.volumeSum.add(new BigDecimal(size));
        bar.quoteVolumeSum = bar.quoteVolumeSum.add(new BigDecimal(price * size));
        bar.trades++;
        if (data.get("m").asBoolean()) {
          bar.sellVolumeSum = bar.sellVolumeSum.add(new BigDecimal(size));
          bar.sellTrades++;
        } else {
          bar.buyVolumeSum = bar.buyVolumeSum.add(new BigDecimal(size));
          bar.buyTrades++;
        }
      }
    }
    return bars;
  }
}
