package org.marketflow.jobs.analytics.estimators;

/** The correlation methods, with the names the records, keys and graph use. */
public enum CorrelationMethod {
  PEARSON("pearson"),
  SPEARMAN("spearman"),
  KENDALL("kendall");

  private final String label;

  CorrelationMethod(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
