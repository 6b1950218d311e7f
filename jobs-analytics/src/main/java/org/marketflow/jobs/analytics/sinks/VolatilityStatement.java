package org.marketflow.jobs.analytics.sinks;

import static org.marketflow.jobs.analytics.sinks.Columns.setDouble;
import static org.marketflow.jobs.analytics.sinks.Columns.setString;
import static org.marketflow.jobs.common.jdbc.SqlTimes.utc;
import static org.marketflow.schemas.db.Tables.VOLATILITY_METRICS;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import org.apache.flink.connector.jdbc.JdbcStatementBuilder;
import org.marketflow.schemas.avro.VolatilityMetrics;

/** Binds a VolatilityMetrics to {@code volatility_metrics}' columns. */
public final class VolatilityStatement implements JdbcStatementBuilder<VolatilityMetrics> {

  @Override
  public void accept(PreparedStatement s, VolatilityMetrics v) throws SQLException {
    s.setString(col("instrument"), v.getInstrument());
    s.setString(col("rolling_window"), v.getWindow());
    s.setObject(col("ts"), utc(v.getTimestampUs()));
    s.setInt(col("bars"), v.getBars());
    setDouble(s, col("realized_vol"), v.getRealizedVol());
    setDouble(s, col("implied_vol"), v.getImpliedVol());
    setDouble(s, col("parkinson_vol"), v.getParkinsonVol());
    setDouble(s, col("garman_klass_vol"), v.getGarmanKlassVol());
    setDouble(s, col("vol_of_vol"), v.getVolOfVol());
    setString(s, col("vol_regime"), v.getVolRegime());
    setDouble(s, col("garch_omega"), v.getGarchOmega());
    setDouble(s, col("garch_alpha"), v.getGarchAlpha());
    setDouble(s, col("garch_beta"), v.getGarchBeta());
    setDouble(s, col("garch_log_likelihood"), v.getGarchLogLikelihood());
    if (v.getGarchConverged() == null) {
      s.setNull(col("garch_converged"), Types.BOOLEAN);
    } else {
      s.setBoolean(col("garch_converged"), v.getGarchConverged());
    }
    setString(s, col("garch_note"), v.getGarchNote());
    setDouble(s, col("garch_next_vol"), v.getGarchNextVol());
    setDouble(s, col("garch_horizon_vol"), v.getGarchHorizonVol());
    s.setInt(col("garch_horizon_minutes"), v.getGarchHorizonMinutes());
    setString(s, col("null_reason"), v.getNullReason());
  }

  private static int col(String name) {
    return VOLATILITY_METRICS.position(name);
  }
}
