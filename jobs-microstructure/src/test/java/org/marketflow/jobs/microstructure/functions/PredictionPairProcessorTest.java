package org.marketflow.jobs.microstructure.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.marketflow.jobs.microstructure.functions.Events.T0;
import static org.marketflow.jobs.microstructure.functions.Events.ms;

import java.time.Duration;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.marketflow.jobs.microstructure.records.SecondQuote;
import org.marketflow.schemas.avro.PredictionPairMetrics;

/** {@link PredictionPairProcessor}: an outcome's YES and NO books, second by second. */
class PredictionPairProcessorTest {

  private static final String YES = "PARIFLOW:ev1:out1:YES";
  private static final String NO = "PARIFLOW:ev1:out1:NO";
  private static final long SECOND = 1_000_000L;

  private KeyedOneInputStreamOperatorTestHarness<String, SecondQuote, PredictionPairMetrics> pairs;

  @BeforeEach
  void open() throws Exception {
    pairs =
        ProcessFunctionTestHarnesses.forKeyedProcessFunction(
            new PredictionPairProcessor(Duration.ofMinutes(10)), new QuoteOutcome(), Types.STRING);
  }

  @AfterEach
  void close() throws Exception {
    pairs.close();
  }

  private void quote(String instrument, long second, boolean synced, double bid, double ask)
      throws Exception {
    long start = T0 + second * SECOND;
    pairs.processElement(
        SecondQuote.of(instrument, start, synced, bid, ask), (start + SECOND) / 1_000 - 1);
  }

  @Test
  void putsTheYesAndNoBooksOfEachSecondSideBySide() throws Exception {
    quote(YES, 0, true, 0.40, 0.45);
    quote(NO, 0, true, 0.54, 0.58);
    pairs.processWatermark(ms(998));
    assertThat(pairs.extractOutputValues()).isEmpty();

    pairs.processWatermark(ms(999));

    PredictionPairMetrics pair = pairs.extractOutputValues().get(0);
    assertThat(pair.getEventId()).isEqualTo("ev1");
    assertThat(pair.getOutcomeId()).isEqualTo("out1");
    assertThat(pair.getBucketStartUs()).isEqualTo(T0);
    assertThat(pair.getYesMid()).isEqualTo((0.40 + 0.45) / 2);
    assertThat(pair.getImpliedProbability()).isEqualTo((0.40 + 0.45) / 2);
    assertThat(pair.getImpliedProbabilityFromNo()).isEqualTo(1 - (0.54 + 0.58) / 2);
    assertThat(pair.getOverround()).isEqualTo(0.45 + 0.58 - 1);
    assertThat(pair.getArbitrageBuyGap()).isZero();
    assertThat(pair.getArbitrageSellGap()).isZero();
  }

  @Test
  void aBookWithoutEventsInASecondStandsAtItsLatestQuoteAndAnUnsyncedOneHasNone() throws Exception {
    quote(YES, 0, true, 0.40, 0.45);
    quote(NO, 0, true, 0.54, 0.58);
    quote(YES, 1, true, 0.41, 0.45); // NO had no event in second 1
    quote(NO, 3, false, Double.NaN, Double.NaN); // second 2 had no event at all
    pairs.processWatermark(ms(3_999));

    assertThat(pairs.extractOutputValues())
        .extracting(
            PredictionPairMetrics::getBucketStartUs,
            PredictionPairMetrics::getYesBid,
            PredictionPairMetrics::getNoBid,
            PredictionPairMetrics::getOverround)
        .containsExactly(
            tuple(T0, 0.40, 0.54, 0.45 + 0.58 - 1),
            tuple(T0 + SECOND, 0.41, 0.54, 0.45 + 0.58 - 1),
            tuple(T0 + 3 * SECOND, 0.41, null, null));
  }

  @Test
  void nothingIsPublishedWhileNeitherBookIsHeldAndAQuietOutcomeIsForgotten() throws Exception {
    quote(YES, 0, false, Double.NaN, Double.NaN);
    pairs.processWatermark(ms(999));
    assertThat(pairs.extractOutputValues()).isEmpty();
    assertThat(pairs.numKeyedStateEntries()).isPositive();

    pairs.processWatermark(ms(999 + 10 * 60_000));

    assertThat(pairs.numKeyedStateEntries()).isZero();
    assertThat(pairs.numEventTimeTimers()).isZero();
  }
}
