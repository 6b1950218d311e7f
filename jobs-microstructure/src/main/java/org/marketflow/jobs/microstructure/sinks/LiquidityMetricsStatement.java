package org.marketflow.jobs.microstructure.sinks;

import static org.marketflow.jobs.common.jdbc.SqlTimes.utc;
import static org.marketflow.jobs.microstructure.sinks.SqlParams.setDouble;
import static org.marketflow.schemas.db.Tables.LIQUIDITY_METRICS;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.apache.flink.connector.jdbc.JdbcStatementBuilder;
import org.marketflow.schemas.avro.LiquidityMetrics;
import org.marketflow.schemas.db.Tables;

/**
 * Binds a minute's liquidity to the columns of {@link Tables#LIQUIDITY_METRICS}, for the upsert on
 * (timestamp, asset_id); {@code toxicity_score} holds the VPIN.
 */
public final class LiquidityMetricsStatement implements JdbcStatementBuilder<LiquidityMetrics> {

  private static final int TIMESTAMP = LIQUIDITY_METRICS.position("timestamp");
  private static final int ASSET_ID = LIQUIDITY_METRICS.position("asset_id");
  private static final int BID = LIQUIDITY_METRICS.position("bid_liquidity_usd");
  private static final int ASK = LIQUIDITY_METRICS.position("ask_liquidity_usd");
  private static final int SCORE = LIQUIDITY_METRICS.position("liquidity_score");
  private static final int RESILIENCE = LIQUIDITY_METRICS.position("resilience_score");
  private static final int TOXICITY = LIQUIDITY_METRICS.position("toxicity_score");
  private static final int TOTAL = LIQUIDITY_METRICS.position("total_liquidity_usd");
  private static final int BAND = LIQUIDITY_METRICS.position("liquidity_band_bps");
  private static final int HALF_LIFE = LIQUIDITY_METRICS.position("resilience_half_life_s");
  private static final int BUCKET_VOLUME = LIQUIDITY_METRICS.position("vpin_bucket_volume");
  private static final int WINDOW_BUCKETS = LIQUIDITY_METRICS.position("vpin_window_buckets");

  @Override
  public void accept(PreparedStatement statement, LiquidityMetrics l) throws SQLException {
    statement.setObject(TIMESTAMP, utc(l.getBucketStartUs()));
    statement.setString(ASSET_ID, l.getInstrument());
    setDouble(statement, BID, l.getBidLiquidityUsd());
    setDouble(statement, ASK, l.getAskLiquidityUsd());
    setDouble(statement, SCORE, l.getLiquidityScore());
    setDouble(statement, RESILIENCE, l.getResilienceScore());
    setDouble(statement, TOXICITY, l.getVpin());
    setDouble(statement, TOTAL, l.getTotalLiquidityUsd());
    statement.setDouble(BAND, l.getLiquidityBandBps());
    setDouble(statement, HALF_LIFE, l.getResilienceHalfLifeS());
    statement.setDouble(BUCKET_VOLUME, l.getVpinBucketVolume());
    statement.setInt(WINDOW_BUCKETS, l.getVpinWindowBuckets());
  }
}
