package org.marketflow.jobs.analytics.sinks;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.marketflow.schemas.avro.CorrelationMatrix;

/**
 * {@code (:Asset {id, name})-[:CORRELATES_WITH {correlation, window, method, timestamp,
 * significance}]->(:Asset)} from each matrix: one relationship per pair (from the smaller id to the
 * larger), window and method, MERGEd on those and updated only by a matrix at least as recent as
 * the one it holds, so a replay or a redelivered batch leaves the same graph. A pair whose
 * correlation is undefined leaves its relationship as it was. {@code name} is the id: the suite has
 * no instrument names.
 */
public final class CorrelationGraph implements GraphRows<CorrelationMatrix> {

  static final String CYPHER =
      """
      UNWIND $rows AS row
      MERGE (a:Asset {id: row.a}) ON CREATE SET a.name = row.a
      MERGE (b:Asset {id: row.b}) ON CREATE SET b.name = row.b
      MERGE (a)-[r:CORRELATES_WITH {window: row.window, method: row.method}]->(b)
      WITH r, row, datetime({epochMillis: row.timestamp}) AS at
      WHERE r.timestamp IS NULL OR r.timestamp <= at
      SET r.correlation = row.correlation, r.significance = row.significance, r.timestamp = at
      """;

  @Override
  public List<String> schema() {
    return List.of("CREATE CONSTRAINT asset_id IF NOT EXISTS FOR (a:Asset) REQUIRE a.id IS UNIQUE");
  }

  @Override
  public String cypher() {
    return CYPHER;
  }

  @Override
  public List<Map<String, Object>> rows(CorrelationMatrix m) {
    List<? extends CharSequence> assets = m.getAssets();
    int n = assets.size();
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        Double rho = m.getCorrelations().get(i * n + j);
        if (rho == null) {
          continue;
        }
        Map<String, Object> row = new HashMap<>();
        row.put("a", assets.get(i).toString());
        row.put("b", assets.get(j).toString());
        row.put("window", m.getWindow().toString());
        row.put("method", m.getMethod().toString());
        row.put("timestamp", m.getTimestampUs() / 1_000L);
        row.put("correlation", rho);
        row.put("significance", m.getPValues().get(i * n + j));
        rows.add(row);
      }
    }
    return rows;
  }
}
