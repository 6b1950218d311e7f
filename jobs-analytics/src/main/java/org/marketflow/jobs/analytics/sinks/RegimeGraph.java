package org.marketflow.jobs.analytics.sinks;

import java.util.List;
import java.util.Map;
import org.marketflow.jobs.analytics.records.RegimeEdge;

/**
 * {@code (:Regime {name})-[:TRANSITIONS_TO {probability, count, avg_duration_hours,
 * trigger_conditions}]->(:Regime)} from the observed transitions: MERGEd on the two regimes and
 * updated only by a tally of at least as many transitions out of the source regime as it holds, so
 * a replay or a redelivered batch leaves the same graph.
 */
public final class RegimeGraph implements GraphRows<RegimeEdge> {

  static final String CYPHER =
      """
      UNWIND $rows AS row
      MERGE (f:Regime {name: row.from})
      MERGE (t:Regime {name: row.to})
      MERGE (f)-[r:TRANSITIONS_TO]->(t)
      WITH r, row WHERE r.from_total IS NULL OR r.from_total <= row.fromTotal
      SET r.probability = row.probability, r.count = row.count, r.from_total = row.fromTotal,
          r.avg_duration_hours = row.avgDurationHours, r.trigger_conditions = row.triggers
      """;

  @Override
  public List<String> schema() {
    return List.of(
        "CREATE CONSTRAINT regime_name IF NOT EXISTS FOR (r:Regime) REQUIRE r.name IS UNIQUE");
  }

  @Override
  public String cypher() {
    return CYPHER;
  }

  @Override
  public List<Map<String, Object>> rows(RegimeEdge edge) {
    return List.of(
        Map.of(
            "from", edge.from,
            "to", edge.to,
            "count", edge.count,
            "fromTotal", edge.fromTotal,
            "probability", edge.probability,
            "avgDurationHours", edge.avgDurationHours,
            "triggers", List.of(edge.triggerConditions)));
  }
}
