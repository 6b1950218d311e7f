package org.marketflow.benchmarks.tables;

import java.util.List;
import java.util.stream.Collectors;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.jdbc.JdbcStatementBuilder;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.marketflow.jobs.common.jdbc.JdbcUpsertSink;
import org.marketflow.jobs.common.options.JobOptions;
import org.marketflow.jobs.microstructure.sinks.MarketTickStatement;
import org.marketflow.jobs.ohlc.sinks.TradeArchiveSink;
import org.marketflow.jobs.ohlc.sinks.TradeArchiveStatement;
import org.marketflow.schemas.avro.MarketTick;
import org.marketflow.schemas.avro.Trade;
import org.marketflow.schemas.db.TableSpec;
import org.marketflow.schemas.db.Tables;

/**
 * A table the harness writes: its synthetic rows, the job's sink for them, and the statement that
 * sink binds, whose values COPY writes too.
 *
 * @param rowName what a row is, in the report ("ticks")
 * @param sinkName the sink as the report names it
 */
public record SinkTable<T>(
    TableSpec spec,
    String rowName,
    Class<T> type,
    SyntheticRows.Generator<T> rows,
    JdbcStatementBuilder<T> statement,
    Wiring<T> sink,
    String sinkName) {

  /** Adds the job's sink of the table, connected by {@code config}'s {@code jdbc.*}, to rows. */
  public interface Wiring<T> {
    void addTo(DataStream<T> rows, Configuration config);
  }

  /** jobs-microstructure's {@code market_ticks} sink: an upsert of every tick. */
  public static final SinkTable<MarketTick> MARKET_TICKS =
      new SinkTable<>(
          Tables.MARKET_TICKS,
          "ticks",
          MarketTick.class,
          SyntheticTicks::tick,
          new MarketTickStatement(),
          SinkTable::upsertTicks,
          "JdbcUpsertSink (MarketTickStatement, ON CONFLICT DO UPDATE)");

  /** jobs-ohlc's trade archive: ids for trades without one, then an insert of absent trades. */
  public static final SinkTable<Trade> TRADES =
      new SinkTable<>(
          Tables.TRADES,
          "trades",
          Trade.class,
          SyntheticTrades::trade,
          new TradeArchiveStatement(),
          SinkTable::archiveTrades,
          "TradeArchiveSink.addTo (AssignTradeIds keyed by instrument, then JdbcUpsertSink with"
              + " TradeArchiveStatement, ON CONFLICT DO NOTHING)");

  public static final List<SinkTable<?>> ALL = List.of(MARKET_TICKS, TRADES);

  public String name() {
    return spec.name();
  }

  /** The table called {@code name}, or an exception naming the ones there are. */
  public static SinkTable<?> named(String name) {
    return ALL.stream()
        .filter(table -> table.name().equals(name))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "--table must be one of "
                        + ALL.stream().map(SinkTable::name).collect(Collectors.joining(", "))
                        + ", not "
                        + name));
  }

  private static void upsertTicks(DataStream<MarketTick> ticks, Configuration config) {
    ticks.sinkTo(
        JdbcUpsertSink.builder(Tables.MARKET_TICKS, new MarketTickStatement())
            .fromOptions(config)
            .buildAtLeastOnce());
  }

  /** As the job has them, trades carry watermarks (its ids' state is cleared in event time). */
  private static void archiveTrades(DataStream<Trade> trades, Configuration config) {
    TradeArchiveSink.addTo(
        trades.assignTimestampsAndWatermarks(
            WatermarkStrategy.<Trade>forBoundedOutOfOrderness(
                    config.get(JobOptions.OUT_OF_ORDERNESS))
                .withTimestampAssigner(new SyntheticTrades.ExchangeTime())),
        config);
  }
}
