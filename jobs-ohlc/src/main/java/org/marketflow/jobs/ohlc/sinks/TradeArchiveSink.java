package org.marketflow.jobs.ohlc.sinks;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.jdbc.core.datastream.sink.JdbcSink;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.DataStreamSink;
import org.marketflow.jobs.common.jdbc.JdbcUpsertSink;
import org.marketflow.schemas.avro.Trade;
import org.marketflow.schemas.db.Tables;

/**
 * The trade archive: every trade into PostgreSQL {@link Tables#TRADES}, once. Ids for trades
 * without one ({@link AssignTradeIds}), then Flink's JDBC connector in batches of {@code
 * jdbc.batch-size}, inserting only trades not stored yet ({@link TradeArchiveStatement}): a replay,
 * or a batch retried after a failure, leaves the table unchanged.
 *
 * <pre>{@code
 * if (config.get(JobOptions.JDBC_URL) != null) {
 *   TradeArchiveSink.addTo(trades, config);
 * }
 * }</pre>
 */
public final class TradeArchiveSink {

  // Operator UIDs: fixed once a savepoint exists.
  public static final String IDS_UID = "ohlc-trades-archive-ids";
  public static final String JDBC_UID = "ohlc-trades-jdbc-sink";

  private TradeArchiveSink() {}

  /**
   * Archives {@code trades}: their ids, keyed by instrument, then the sink of {@link #fromOptions},
   * each with its uid and name.
   */
  public static DataStreamSink<Trade> addTo(DataStream<Trade> trades, Configuration config) {
    return trades
        .keyBy(new AssignTradeIds.Instrument(), Types.STRING)
        .process(new AssignTradeIds(), trades.getType())
        .uid(IDS_UID)
        .name("Trade archive ids")
        .sinkTo(fromOptions(config))
        .uid(JDBC_UID)
        .name("PostgreSQL " + Tables.TRADES.name());
  }

  /**
   * The sink alone, connection and batches from the job's {@code jdbc.*} options. Trades without a
   * venue id must have passed {@link AssignTradeIds}; without it, identical ones would be stored
   * once.
   */
  public static JdbcSink<Trade> fromOptions(Configuration config) {
    return builder().fromOptions(config).buildAtLeastOnce();
  }

  /** The sink's builder, for a connection and batches of one's own. */
  public static JdbcUpsertSink<Trade> builder() {
    return JdbcUpsertSink.builder(Tables.TRADES, new TradeArchiveStatement()).ifAbsent();
  }
}
