package org.marketflow.jobs.microstructure.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.marketflow.jobs.microstructure.metrics.TestBooks.book;
import static org.marketflow.jobs.microstructure.metrics.TestBooks.level;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.marketflow.jobs.microstructure.book.L2Book;

class PredictionPairTest {

  @Test
  void readsTheProbabilityAndTheMarginFromBothBooks() {
    PredictionPair pair = PredictionPair.of(quotes(0.60, 0.62), quotes(0.37, 0.41));

    assertThat(pair.impliedFromYes()).isCloseTo(0.61, within(1e-12));
    assertThat(pair.impliedFromNo()).isCloseTo(0.61, within(1e-12));
    assertThat(pair.overround()).isCloseTo(0.03, within(1e-12));
    assertThat(pair.buyBothGap()).isZero();
    assertThat(pair.sellBothGap()).isZero();
  }

  @Test
  void findsTheArbitrageOfBuyingOrSellingBoth() {
    PredictionPair cheapNo = PredictionPair.of(quotes(0.55, 0.57), quotes(0.38, 0.40));
    assertThat(cheapNo.buyBothGap()).isCloseTo(0.03, within(1e-12));
    assertThat(cheapNo.overround()).isCloseTo(-0.03, within(1e-12));

    PredictionPair richNo = PredictionPair.of(quotes(0.55, 0.57), quotes(0.48, 0.50));
    assertThat(richNo.sellBothGap()).isCloseTo(0.03, within(1e-12));
  }

  @Test
  void leavesOutWhatAMissingSideCannotGive() {
    PredictionPair pair = PredictionPair.of(quotes(0.60, Double.NaN), quotes(Double.NaN, 0.41));

    assertThat(pair.impliedFromYes()).isNull();
    assertThat(pair.impliedFromNo()).isNull();
    assertThat(pair.overround()).isNull();
    assertThat(pair.buyBothGap()).isNull();
    assertThat(pair.sellBothGap()).isNull();
  }

  /** A book of one bid and one ask, a side left empty where its price is NaN. */
  private static L2Book quotes(double bid, double ask) {
    return book(
        Double.isNaN(bid) ? List.of() : List.of(level(bid, 100)),
        Double.isNaN(ask) ? List.of() : List.of(level(ask, 100)));
  }
}
