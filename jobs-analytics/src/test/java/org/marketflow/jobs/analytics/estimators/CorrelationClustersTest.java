package org.marketflow.jobs.analytics.estimators;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CorrelationClustersTest {

  @Test
  void groupsBlocksOfCorrelatedInstrumentsAtTheDocumentedCut() {
    // Two blocks, {0, 2, 4} at ρ ≈ 0.9 and {1, 3} at 0.7, instrument 5 alone, 0.1 across blocks.
    Double[][] rho = filled(6, 0.1);
    set(rho, 0, 2, 0.9);
    set(rho, 0, 4, 0.85);
    set(rho, 2, 4, 0.95);
    set(rho, 1, 3, 0.7);

    assertThat(CorrelationClusters.averageLinkage(rho, CorrelationClusters.DEFAULT_CUT))
        .isEqualTo(List.of(List.of(0, 2, 4), List.of(1, 3), List.of(5)));
  }

  @Test
  void averageLinkageKeepsApartWhatSingleLinkageWouldChain() {
    // 0–1 and 1–2 are close (ρ 0.8), 0–2 are not (ρ −0.2): single linkage would join all three;
    // the average distance of {0, 1} to 2 is (1.2 + 0.2) / 2 = 0.7 > 0.5, so 2 stays alone.
    Double[][] rho = filled(3, 0.0);
    set(rho, 0, 1, 0.9);
    set(rho, 1, 2, 0.8);
    set(rho, 0, 2, -0.2);

    assertThat(CorrelationClusters.averageLinkage(rho, 0.5))
        .isEqualTo(List.of(List.of(0, 1), List.of(2)));
    assertThat(CorrelationClusters.averageLinkage(rho, 0.75)).isEqualTo(List.of(List.of(0, 1, 2)));
  }

  @Test
  void undefinedCorrelationsCountAsUncorrelated() {
    Double[][] rho = filled(3, null);
    set(rho, 0, 1, 0.6);

    assertThat(CorrelationClusters.averageLinkage(rho, 0.5))
        .isEqualTo(List.of(List.of(0, 1), List.of(2)));
    assertThat(CorrelationClusters.averageLinkage(new Double[][] {{1.0}}, 0.5))
        .isEqualTo(List.of(List.of(0)));
  }

  private static Double[][] filled(int n, Double value) {
    Double[][] rho = new Double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        rho[i][j] = i == j ? Double.valueOf(1.0) : value;
      }
    }
    return rho;
  }

  private static void set(Double[][] rho, int i, int j, double value) {
    rho[i][j] = value;
    rho[j][i] = value;
  }
}
