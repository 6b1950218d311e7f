package org.marketflow.jobs.analytics.sinks;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * What one record writes into the graph: the parameter rows of a Cypher statement that begins
 * {@code UNWIND $rows AS row}, and the statement. Make it idempotent (MERGE, SET of absolute
 * values): the sink delivers at least once.
 */
public interface GraphRows<T> extends Serializable {

  /** The statement, run once per batch with {@code $rows} bound to the batch's rows. */
  String cypher();

  List<Map<String, Object>> rows(T record);

  /**
   * Statements run once when a writer opens: the uniqueness constraints that make concurrent MERGEs
   * of the same node (from several writers) create it once. Idempotent ({@code IF NOT EXISTS}).
   */
  List<String> schema();
}
