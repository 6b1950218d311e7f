package org.marketflow.schemas.avro;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random records of the contracts, every optional field sometimes null and the doubles sometimes
 * NaN, -0.0 or huge: for tests that hold a hand-written reader to Avro's own, here and in the
 * modules that read the records (the schemas' test jar).
 */
public final class RandomRecords {

  private RandomRecords() {}

  public static BookUpdate bookUpdate(Random random) {
    return BookUpdate.newBuilder()
        .setInstrument(randomInstrument(random))
        .setExchangeTimeUs(random.nextLong())
        .setReceiveTimeUs(random.nextLong())
        .setKind(random.nextBoolean() ? BookUpdateKind.SNAPSHOT : BookUpdateKind.DELTA)
        .setFirstSequence(randomLong(random))
        .setLastSequence(randomLong(random))
        .setPreviousSequence(randomLong(random))
        .setChecksum(randomLong(random))
        .setBids(randomLevels(random))
        .setAsks(randomLevels(random))
        .build();
  }

  private static List<BookLevel> randomLevels(Random random) {
    int n = random.nextInt(4) == 0 ? random.nextInt(200) : random.nextInt(3);
    List<BookLevel> levels = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      levels.add(
          new BookLevel(
              randomDouble(random),
              randomDouble(random),
              random.nextBoolean() ? null : random.nextInt()));
    }
    return levels;
  }

  public static Trade trade(Random random) {
    return Trade.newBuilder()
        .setInstrument(randomInstrument(random))
        .setExchangeTimeUs(random.nextLong())
        .setReceiveTimeUs(random.nextLong())
        .setSequence(randomLong(random))
        .setTradeId(random.nextBoolean() ? null : Long.toString(random.nextLong(), 36) + "é")
        .setPrice(randomDouble(random))
        .setSize(randomDouble(random))
        .setSide(Side.values()[random.nextInt(3)])
        .setIsAmmTrade(random.nextInt(3) == 0 ? null : random.nextBoolean())
        .setOrderId(random.nextBoolean() ? null : "o-" + random.nextInt())
        .build();
  }

  private static String randomInstrument(Random random) {
    String[] some = {
      "BINANCE:BTCUSDT", "COINBASE:ETH-USD", "KRAKEN:XBT/USD", "PARIFLOW:ÉVÉNEMENT:YES"
    };
    return random.nextInt(10) == 0 ? "SIM:" + random.nextInt(100_000) : some[random.nextInt(4)];
  }

  private static Long randomLong(Random random) {
    return random.nextBoolean() ? null : random.nextLong() >> random.nextInt(64);
  }

  private static double randomDouble(Random random) {
    return switch (random.nextInt(8)) {
      case 0 -> Double.NaN;
      case 1 -> -0.0;
      case 2 -> Double.MAX_VALUE;
      default -> random.nextDouble() * Math.pow(10, random.nextInt(12) - 4);
    };
  }
}
