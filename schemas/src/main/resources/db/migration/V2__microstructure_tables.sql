-- MarketFlow PostgreSQL schema, version 2: the tables jobs-microstructure writes.
--
-- V1's Markets-page tables get the columns of the job's records (MarketTick, MarketMicrostructure,
-- LiquidityMetrics; docs/data-contracts.md maps every field) and market_ticks a primary key;
-- order_book_snapshots and prediction_pair_metrics are new. Each primary key is what the job
-- upserts on, so a replay or a restart from a checkpoint rewrites the same rows with the same
-- values. New columns are nullable where the record's field is, and where V1 rows may exist.
-- Each table is range-partitioned on its time column with a DEFAULT partition, as in V1;
-- marketflow_create_partitions_ahead() now creates the partitions of every table listed in
-- marketflow_partitioned_tables, the new ones included.

-- Ticks: several can share a microsecond (a trade and the book update it caused, a burst of
-- deltas), so tick_index numbers them (MarketTick.tickIndex). The primary key also serves the
-- (asset_id, timestamp DESC) scans V1's index was for, so that index goes: one index less to
-- maintain on the busiest table. latency_us widens to BIGINT: venues' clocks may be off by more
-- than the 35 minutes an INTEGER of microseconds holds.
ALTER TABLE market_ticks
    ADD COLUMN exchange    VARCHAR(32),
    ADD COLUMN tick_index  INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN tick_source VARCHAR(5) CHECK (tick_source IN ('BOOK', 'TRADE')),
    ADD COLUMN bid_size    DOUBLE PRECISION,
    ADD COLUMN ask_size    DOUBLE PRECISION,
    ADD COLUMN last_size   DOUBLE PRECISION,
    ALTER COLUMN latency_us TYPE BIGINT;
ALTER TABLE market_ticks ALTER COLUMN tick_index DROP DEFAULT;
ALTER TABLE market_ticks ADD PRIMARY KEY (asset_id, timestamp, tick_index);
DROP INDEX idx_market_ticks_asset_time;

-- Microstructure, one row per instrument and second (the key stays V1's (timestamp, asset_id)).
-- spread_bps is the time-weighted quoted spread over the second, quoted_spread_bps the one at its
-- end; depth_bid and depth_ask are base units within depth_band_bps of the mid.
ALTER TABLE market_microstructure
    ADD COLUMN mid_price                  DOUBLE PRECISION,
    ADD COLUMN microprice                 DOUBLE PRECISION,
    ADD COLUMN quoted_spread_bps          DOUBLE PRECISION,
    ADD COLUMN effective_spread_bps       DOUBLE PRECISION,
    ADD COLUMN realized_spread_bps        DOUBLE PRECISION,
    ADD COLUMN realized_spread_horizon_us BIGINT,
    ADD COLUMN depth_band_bps             DOUBLE PRECISION,
    ADD COLUMN depth_bid_notional         DOUBLE PRECISION,
    ADD COLUMN depth_ask_notional         DOUBLE PRECISION,
    ADD COLUMN depth_top_levels           INTEGER,
    ADD COLUMN depth_bid_top              DOUBLE PRECISION,
    ADD COLUMN depth_ask_top              DOUBLE PRECISION,
    ADD COLUMN price_impact_notional      DOUBLE PRECISION,
    ADD COLUMN price_impact_buy_bps       DOUBLE PRECISION,
    ADD COLUMN price_impact_sell_bps      DOUBLE PRECISION,
    ADD COLUMN trade_count                BIGINT,
    ADD COLUMN volume                     DOUBLE PRECISION;

-- Liquidity, one row per instrument and minute (key V1's (timestamp, asset_id)); toxicity_score
-- holds the VPIN, 0 to 1.
ALTER TABLE liquidity_metrics
    ADD COLUMN total_liquidity_usd    DOUBLE PRECISION,
    ADD COLUMN liquidity_band_bps     DOUBLE PRECISION,
    ADD COLUMN resilience_half_life_s DOUBLE PRECISION,
    ADD COLUMN vpin_bucket_volume     DOUBLE PRECISION,
    ADD COLUMN vpin_window_buckets    INTEGER;

-- Order-book snapshots: the top levels of each side as parallel arrays, best first (bid_prices[1]
-- is the best bid). An order-count array is NULL when no level has a count, else it has one
-- element per level, NULL where the venue does not say. An interval snapshot and a resync
-- snapshot can show the same instant, hence the reason in the key.
CREATE TABLE order_book_snapshots (
    timestamp        TIMESTAMPTZ        NOT NULL,
    asset_id         VARCHAR(128)       NOT NULL,
    reason           VARCHAR(8)         NOT NULL CHECK (reason IN ('INTERVAL', 'RESYNC')),
    last_update_time TIMESTAMPTZ        NOT NULL,
    sequence_number  BIGINT,
    depth_levels     INTEGER            NOT NULL CHECK (depth_levels BETWEEN 1 AND 50),
    book_bid_levels  INTEGER            NOT NULL,
    book_ask_levels  INTEGER            NOT NULL,
    bid_prices       DOUBLE PRECISION[] NOT NULL,
    bid_sizes        DOUBLE PRECISION[] NOT NULL,
    bid_order_counts INTEGER[],
    ask_prices       DOUBLE PRECISION[] NOT NULL,
    ask_sizes        DOUBLE PRECISION[] NOT NULL,
    ask_order_counts INTEGER[],
    checksum         BIGINT             NOT NULL CHECK (checksum BETWEEN 0 AND 4294967295),
    PRIMARY KEY (asset_id, timestamp, reason)
) PARTITION BY RANGE (timestamp);
CREATE TABLE order_book_snapshots_default PARTITION OF order_book_snapshots DEFAULT;

-- Prediction-market outcomes: the YES and NO books of one outcome side by side, one row per
-- outcome and second. The key leads with the event, so all outcomes of an event are one range.
CREATE TABLE prediction_pair_metrics (
    timestamp                   TIMESTAMPTZ      NOT NULL,
    event_id                    VARCHAR(64)      NOT NULL,
    outcome_id                  VARCHAR(64)      NOT NULL,
    yes_bid                     DOUBLE PRECISION,
    yes_ask                     DOUBLE PRECISION,
    no_bid                      DOUBLE PRECISION,
    no_ask                      DOUBLE PRECISION,
    yes_mid                     DOUBLE PRECISION,
    no_mid                      DOUBLE PRECISION,
    implied_probability         DOUBLE PRECISION,
    implied_probability_from_no DOUBLE PRECISION,
    overround                   DOUBLE PRECISION,
    arbitrage_buy_gap           DOUBLE PRECISION,
    arbitrage_sell_gap          DOUBLE PRECISION,
    PRIMARY KEY (event_id, outcome_id, timestamp)
) PARTITION BY RANGE (timestamp);
CREATE TABLE prediction_pair_metrics_default PARTITION OF prediction_pair_metrics DEFAULT;

-- The partitioned tables and their partition steps, which marketflow_create_partitions_ahead()
-- now reads: a later table is one row here, not a new version of the function.
CREATE TABLE marketflow_partitioned_tables (
    parent regclass PRIMARY KEY,
    step   text     NOT NULL CHECK (step IN ('day', 'month'))
);
INSERT INTO marketflow_partitioned_tables (parent, step) VALUES
    ('market_ticks', 'day'),
    ('market_microstructure', 'day'),
    ('order_book_snapshots', 'day'),
    ('prediction_pair_metrics', 'day'),
    ('trades', 'day'),
    ('liquidity_metrics', 'month'),
    ('market_events', 'month'),
    ('ohlc_bars', 'month');

CREATE OR REPLACE FUNCTION marketflow_create_partitions_ahead(
    days_ahead integer DEFAULT 7, months_ahead integer DEFAULT 2)
RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
  today timestamptz := date_trunc('day', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC';
  t record;
  created integer := 0;
BEGIN
  FOR t IN SELECT parent, step FROM marketflow_partitioned_tables ORDER BY parent::text LOOP
    created := created + marketflow_ensure_partitions(
        t.parent, t.step, today,
        today + CASE t.step WHEN 'day' THEN make_interval(days => days_ahead)
                            ELSE make_interval(months => months_ahead) END);
  END LOOP;
  RETURN created;
END
$$;

SELECT marketflow_create_partitions_ahead();
