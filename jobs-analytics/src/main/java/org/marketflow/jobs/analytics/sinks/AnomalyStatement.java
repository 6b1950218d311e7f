package org.marketflow.jobs.analytics.sinks;

import static org.marketflow.jobs.common.jdbc.SqlTimes.utc;
import static org.marketflow.schemas.db.Tables.MARKET_ANOMALIES;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.apache.flink.connector.jdbc.JdbcStatementBuilder;
import org.marketflow.schemas.avro.MarketAnomaly;

/** Binds a MarketAnomaly to {@code market_anomalies}' columns. */
public final class AnomalyStatement implements JdbcStatementBuilder<MarketAnomaly> {

  @Override
  public void accept(PreparedStatement s, MarketAnomaly a) throws SQLException {
    s.setString(col("instrument"), a.getInstrument());
    s.setObject(col("ts"), utc(a.getTimestampUs()));
    s.setString(col("anomaly_type"), a.getAnomalyType());
    s.setDouble(col("severity"), a.getSeverity());
    s.setDouble(col("z_score"), a.getZScore());
    s.setDouble(col("value"), a.getValue());
    s.setDouble(col("median"), a.getMedian());
    s.setString(col("description"), a.getDescription());
    s.setString(col("recommended_action"), a.getRecommendedAction());
  }

  private static int col(String name) {
    return MARKET_ANOMALIES.position(name);
  }
}
