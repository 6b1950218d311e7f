package org.marketflow.jobs.analytics.estimators;

import java.util.ArrayList;
import java.util.List;

/**
 * Hierarchical clustering of instruments by correlation: average linkage (UPGMA) on the distance d
 * = 1 − ρ, cut where the next merge would join two clusters whose average distance exceeds the cut.
 * The default cut, {@link #DEFAULT_CUT} = 0.5, keeps together instruments whose average pairwise
 * correlation is at least 0.5. An undefined correlation counts as ρ = 0 (distance 1).
 *
 * <p>Written here because commons-math3 has no hierarchical clustering (only k-means, fuzzy
 * k-means, DBSCAN and multi-k-means) and the naive O(N³) agglomeration is a few lines for N ≈ 100.
 */
public final class CorrelationClusters {

  public static final double DEFAULT_CUT = 0.5;

  private CorrelationClusters() {}

  /**
   * The clusters of {@code rho} (symmetric, null entries undefined): each a list of series indexes
   * in ascending order, the clusters ordered by their smallest index. Ties between merges go to the
   * pair of clusters with the smallest indexes, so the answer is deterministic.
   */
  public static List<List<Integer>> averageLinkage(Double[][] rho, double cut) {
    int n = rho.length;
    List<List<Integer>> clusters = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      clusters.add(new ArrayList<>(List.of(i)));
    }
    double[][] distance = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        Double r = rho[i][j];
        distance[i][j] = i == j ? 0 : 1 - (r == null ? 0 : r);
      }
    }
    while (clusters.size() > 1) {
      int bestA = -1;
      int bestB = -1;
      double best = Double.POSITIVE_INFINITY;
      for (int a = 0; a < clusters.size(); a++) {
        for (int b = a + 1; b < clusters.size(); b++) {
          double d = averageDistance(clusters.get(a), clusters.get(b), distance);
          if (d < best) {
            best = d;
            bestA = a;
            bestB = b;
          }
        }
      }
      if (best > cut) {
        break;
      }
      clusters.get(bestA).addAll(clusters.remove(bestB));
      clusters.get(bestA).sort(null);
    }
    return clusters;
  }

  private static double averageDistance(List<Integer> a, List<Integer> b, double[][] distance) {
    double sum = 0;
    for (int i : a) {
      for (int j : b) {
        sum += distance[i][j];
      }
    }
    return sum / (a.size() * b.size());
  }
}
