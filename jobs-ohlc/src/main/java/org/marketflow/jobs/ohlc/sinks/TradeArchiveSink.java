package org.marketflow.jobs.ohlc.sinks;

import org.apache.flink.api.common.functions.FilterFunction;
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
  public static final String WITH_IDS_UID = "ohlc-trades-with-ids";
  public static final String WITHOUT_IDS_UID = "ohlc-trades-without-ids";

  private TradeArchiveSink() {}

  /**
   * Archives {@code trades}: those with a venue id or sequence straight into the sink of {@link
   * #fromOptions}; the few without either first through {@link AssignTradeIds}, keyed by
   * instrument, so that the trades with ids are not shuffled a second time.
   */
  public static DataStreamSink<Trade> addTo(DataStream<Trade> trades, Configuration config) {
    DataStream<Trade> withIds =
        trades.filter(new HasVenueId(true)).uid(WITH_IDS_UID).name("Trades with venue ids");
    DataStream<Trade> numbered =
        trades
            .filter(new HasVenueId(false))
            .uid(WITHOUT_IDS_UID)
            .name("Trades without venue ids")
            .keyBy(new AssignTradeIds.Instrument(), Types.STRING)
            .process(new AssignTradeIds(), trades.getType())
            .uid(IDS_UID)
            .name("Trade archive ids");
    return withIds
        .union(numbered)
        .sinkTo(fromOptions(config))
        .uid(JDBC_UID)
        .name("PostgreSQL " + Tables.TRADES.name());
  }

  /** Keeps the trades that have (or, with {@code false}, lack) a venue id or sequence. */
  static final class HasVenueId implements FilterFunction<Trade> {

    private final boolean has;

    HasVenueId(boolean has) {
      this.has = has;
    }

    @Override
    public boolean filter(Trade trade) {
      return TradeArchiveIds.hasNoVenueId(trade) != has;
    }
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
