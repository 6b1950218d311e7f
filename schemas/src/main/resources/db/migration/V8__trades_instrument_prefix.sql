-- MarketFlow PostgreSQL schema, version 8: the trade archive's prefix index (serving-api).
--
-- GET /trades?eventId=… reads the trades of all outcomes of a PARIFLOW event,
-- instrument LIKE 'PARIFLOW:<eventId>:%'. The primary key serves a LIKE prefix only under the C
-- collation; this index serves it under any, as idx_ohlc_bars_instrument_prefix does for the bars,
-- so an event's page reads its own trades in the partitions of the time range rather than every
-- trade of those partitions. Created on the parent, it is created on every partition.
CREATE INDEX idx_trades_instrument_prefix
    ON trades (instrument varchar_pattern_ops, exchange_time);
