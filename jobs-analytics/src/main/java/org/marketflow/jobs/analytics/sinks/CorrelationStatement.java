package org.marketflow.jobs.analytics.sinks;

import static org.marketflow.jobs.analytics.sinks.Columns.setDouble;
import static org.marketflow.jobs.analytics.sinks.Columns.setJson;
import static org.marketflow.jobs.analytics.sinks.Columns.setString;
import static org.marketflow.jobs.common.jdbc.SqlTimes.utc;
import static org.marketflow.schemas.db.Tables.CORRELATION_MATRICES;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.apache.flink.connector.jdbc.JdbcStatementBuilder;
import org.marketflow.schemas.avro.CorrelationMatrix;
import org.marketflow.schemas.redis.RecordJson;

/** Binds a CorrelationMatrix to {@code correlation_matrices}' columns, arrays as JSON. */
public final class CorrelationStatement implements JdbcStatementBuilder<CorrelationMatrix> {

  @Override
  public void accept(PreparedStatement s, CorrelationMatrix m) throws SQLException {
    s.setString(col("rolling_window"), m.getWindow());
    s.setString(col("method"), m.getMethod());
    s.setObject(col("ts"), utc(m.getTimestampUs()));
    s.setLong(col("sampling_seconds"), m.getSamplingSeconds());
    setJson(s, col("assets"), json("assets", m.getAssets()));
    setJson(s, col("correlations"), json("correlations", m.getCorrelations()));
    setJson(s, col("p_values"), json("pValues", m.getPValues()));
    setJson(s, col("observations"), json("observations", m.getObservations()));
    setJson(s, col("changes"), json("changes", m.getChanges()));
    setDouble(s, col("average_correlation"), m.getAverageCorrelation());
    setDouble(s, col("average_change"), m.getAverageChange());
    setString(s, col("correlation_regime"), m.getCorrelationRegime());
    setJson(s, col("clusters"), json("clusters", m.getClusters()));
  }

  /** The record's array field as JSON, by {@link RecordJson}'s rules (null for NaN). */
  private static String json(String field, Object value) {
    return RecordJson.of(CorrelationMatrix.getClassSchema().getField(field).schema(), value);
  }

  private static int col(String name) {
    return CORRELATION_MATRICES.position(name);
  }
}
