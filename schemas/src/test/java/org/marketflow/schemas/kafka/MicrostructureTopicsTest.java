package org.marketflow.schemas.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.apache.avro.specific.SpecificRecordBase;
import org.junit.jupiter.api.Test;
import org.marketflow.schemas.avro.MicrostructureFixtures;

/** The derived topics of the microstructure job: keyed by instrument, stamped by event time. */
class MicrostructureTopicsTest {

  private static final long MINUTE_MS = MicrostructureFixtures.MINUTE_US / 1_000L;

  @Test
  void ticksAreKeyedByInstrumentAndStampedWithTheExchangeTime() {
    assertLayout(
        TopicSpec.TICKS,
        Topics.TICKS,
        MicrostructureFixtures.tick(),
        "BINANCE:BTCUSDT",
        MINUTE_MS + 1_234L);
  }

  @Test
  void snapshotsAreStampedWithTheInstantTheyShow() {
    assertLayout(
        TopicSpec.BOOK_SNAPSHOTS,
        Topics.BOOK_SNAPSHOTS,
        MicrostructureFixtures.snapshot(),
        "BINANCE:BTCUSDT",
        MINUTE_MS + 1_000L);
  }

  @Test
  void aggregatesAreStampedWithTheStartOfTheirBucketAsBarsAre() {
    assertLayout(
        TopicSpec.MICROSTRUCTURE,
        Topics.MICROSTRUCTURE,
        MicrostructureFixtures.microstructure(),
        "BINANCE:BTCUSDT",
        MINUTE_MS + 1_000L);
    assertLayout(
        TopicSpec.LIQUIDITY,
        Topics.LIQUIDITY,
        MicrostructureFixtures.liquidity(),
        "BINANCE:BTCUSDT",
        MINUTE_MS);
  }

  @Test
  void predictionPairsAreKeyedByTheirOutcome() {
    assertLayout(
        TopicSpec.PREDICTION_PAIRS,
        Topics.PREDICTION_PAIRS,
        MicrostructureFixtures.predictionPair(),
        "PARIFLOW:evt-2024-election:out-7",
        MINUTE_MS + 2_000L);
  }

  @Test
  void thePairsKeySurvivesJavaSerializationAsFlinkShipsIt() throws Exception {
    assertThat(
            TopicSpecTest.throughJavaSerialization(TopicSpec.PREDICTION_PAIRS)
                .key()
                .of(MicrostructureFixtures.predictionPair()))
        .isEqualTo("PARIFLOW:evt-2024-election:out-7");
  }

  @Test
  void bookStatusesAreStampedWithTheRecordThatChangedTheState() {
    assertLayout(
        TopicSpec.BOOK_STATUS,
        Topics.BOOK_STATUS,
        MicrostructureFixtures.unsynced(),
        "BINANCE:BTCUSDT",
        MINUTE_MS + 3_000L);
  }

  @Test
  void everyDerivedTopicIsListed() {
    assertThat(Topics.DERIVED)
        .containsExactlyInAnyOrder(
            Topics.BARS,
            Topics.TICKS,
            Topics.BOOK_SNAPSHOTS,
            Topics.MICROSTRUCTURE,
            Topics.LIQUIDITY,
            Topics.PREDICTION_PAIRS,
            Topics.BOOK_STATUS,
            Topics.STATISTICS,
            Topics.VOLATILITY,
            Topics.CORRELATIONS,
            Topics.REGIMES,
            Topics.ANOMALIES)
        .allMatch(name -> name.startsWith("md.derived."));
    assertThat(Topics.ALL)
        .containsAll(Topics.DERIVED)
        .containsAll(Topics.NORMALIZED)
        .doesNotHaveDuplicates();
  }

  /** Name, record type, key, Kafka timestamp, and no receive time (the record is derived). */
  private static <T extends SpecificRecordBase> void assertLayout(
      TopicSpec<T> spec, String name, T record, String key, long timestampMs) {
    assertThat(spec.name()).isEqualTo(name);
    assertThat(spec.type()).isEqualTo(record.getClass());
    assertThat(new String(spec.keyBytes(record), StandardCharsets.UTF_8)).isEqualTo(key);
    assertThat(spec.timestampMs(record)).isEqualTo(timestampMs);
    assertThat(spec.hasReceiveTime()).isFalse();
  }
}
