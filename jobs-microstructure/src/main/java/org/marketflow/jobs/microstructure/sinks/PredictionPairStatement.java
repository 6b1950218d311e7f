package org.marketflow.jobs.microstructure.sinks;

import static org.marketflow.jobs.common.jdbc.SqlTimes.utc;
import static org.marketflow.jobs.microstructure.sinks.SqlParams.setDouble;
import static org.marketflow.schemas.db.Tables.PREDICTION_PAIR_METRICS;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.apache.flink.connector.jdbc.JdbcStatementBuilder;
import org.marketflow.schemas.avro.PredictionPairMetrics;
import org.marketflow.schemas.db.Tables;

/**
 * Binds an outcome's second to the columns of {@link Tables#PREDICTION_PAIR_METRICS}, for the
 * upsert on (event_id, outcome_id, timestamp).
 */
public final class PredictionPairStatement implements JdbcStatementBuilder<PredictionPairMetrics> {

  private static final int TIMESTAMP = PREDICTION_PAIR_METRICS.position("timestamp");
  private static final int EVENT_ID = PREDICTION_PAIR_METRICS.position("event_id");
  private static final int OUTCOME_ID = PREDICTION_PAIR_METRICS.position("outcome_id");
  private static final int YES_BID = PREDICTION_PAIR_METRICS.position("yes_bid");
  private static final int YES_ASK = PREDICTION_PAIR_METRICS.position("yes_ask");
  private static final int NO_BID = PREDICTION_PAIR_METRICS.position("no_bid");
  private static final int NO_ASK = PREDICTION_PAIR_METRICS.position("no_ask");
  private static final int YES_MID = PREDICTION_PAIR_METRICS.position("yes_mid");
  private static final int NO_MID = PREDICTION_PAIR_METRICS.position("no_mid");
  private static final int IMPLIED = PREDICTION_PAIR_METRICS.position("implied_probability");
  private static final int IMPLIED_FROM_NO =
      PREDICTION_PAIR_METRICS.position("implied_probability_from_no");
  private static final int OVERROUND = PREDICTION_PAIR_METRICS.position("overround");
  private static final int BUY_GAP = PREDICTION_PAIR_METRICS.position("arbitrage_buy_gap");
  private static final int SELL_GAP = PREDICTION_PAIR_METRICS.position("arbitrage_sell_gap");

  @Override
  public void accept(PreparedStatement statement, PredictionPairMetrics p) throws SQLException {
    statement.setObject(TIMESTAMP, utc(p.getBucketStartUs()));
    statement.setString(EVENT_ID, p.getEventId());
    statement.setString(OUTCOME_ID, p.getOutcomeId());
    setDouble(statement, YES_BID, p.getYesBid());
    setDouble(statement, YES_ASK, p.getYesAsk());
    setDouble(statement, NO_BID, p.getNoBid());
    setDouble(statement, NO_ASK, p.getNoAsk());
    setDouble(statement, YES_MID, p.getYesMid());
    setDouble(statement, NO_MID, p.getNoMid());
    setDouble(statement, IMPLIED, p.getImpliedProbability());
    setDouble(statement, IMPLIED_FROM_NO, p.getImpliedProbabilityFromNo());
    setDouble(statement, OVERROUND, p.getOverround());
    setDouble(statement, BUY_GAP, p.getArbitrageBuyGap());
    setDouble(statement, SELL_GAP, p.getArbitrageSellGap());
  }
}
