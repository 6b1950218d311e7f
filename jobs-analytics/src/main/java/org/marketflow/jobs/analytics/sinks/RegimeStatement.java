package org.marketflow.jobs.analytics.sinks;

import static org.marketflow.jobs.analytics.sinks.Columns.setDouble;
import static org.marketflow.jobs.analytics.sinks.Columns.setString;
import static org.marketflow.jobs.common.jdbc.SqlTimes.utc;
import static org.marketflow.schemas.db.Tables.MARKET_REGIMES;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.apache.flink.connector.jdbc.JdbcStatementBuilder;
import org.marketflow.schemas.avro.MarketRegimeIndicators;

/** Binds a MarketRegimeIndicators to {@code market_regimes}' columns. */
public final class RegimeStatement implements JdbcStatementBuilder<MarketRegimeIndicators> {

  @Override
  public void accept(PreparedStatement s, MarketRegimeIndicators r) throws SQLException {
    s.setString(col("instrument"), r.getInstrument());
    s.setObject(col("ts"), utc(r.getTimestampUs()));
    setDouble(s, col("trend_strength"), r.getTrendStrength());
    s.setString(col("trend_direction"), r.getTrendDirection());
    setString(s, col("volatility_regime"), r.getVolatilityRegime());
    setString(s, col("liquidity_regime"), r.getLiquidityRegime());
    setString(s, col("correlation_regime"), r.getCorrelationRegime());
    setString(s, col("hmm_state"), r.getHmmState());
    setDouble(s, col("regime_probability"), r.getRegimeProbability());
    s.setString(col("regime"), r.getRegime());
  }

  private static int col(String name) {
    return MARKET_REGIMES.position(name);
  }
}
