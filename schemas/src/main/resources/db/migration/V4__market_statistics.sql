-- MarketFlow PostgreSQL schema, version 4: market statistics (jobs-ohlc).
--
-- Each instrument's rolling statistics over 1h, 24h, 7d and 30d, from its final 1-minute bars,
-- one row per instrument, period and minute boundary (MarketStatistics; docs/jobs/ohlc.md defines
-- every column). A row is written once and never revised: a replay or a restart rewrites the same
-- values on the same key.

-- The history, partitioned by month on the period's end like ohlc_bars. Null where the record's
-- field is: prices without a bar, volatility below the minimum count of returns, liquidity without
-- a recent value.
CREATE TABLE market_statistics (
    instrument               VARCHAR(128)     NOT NULL,
    period                   VARCHAR(3)       NOT NULL CHECK (period IN ('1h', '24h', '7d', '30d')),
    period_end               TIMESTAMPTZ      NOT NULL,
    period_start             TIMESTAMPTZ      NOT NULL,
    bar_count                INTEGER          NOT NULL,
    volume                   DOUBLE PRECISION NOT NULL,
    quote_volume             DOUBLE PRECISION NOT NULL,
    trade_count              BIGINT           NOT NULL,
    buy_volume               DOUBLE PRECISION NOT NULL,
    sell_volume              DOUBLE PRECISION NOT NULL,
    open                     DOUBLE PRECISION,
    high                     DOUBLE PRECISION,
    low                      DOUBLE PRECISION,
    close                    DOUBLE PRECISION,
    vwap                     DOUBLE PRECISION,
    volatility               DOUBLE PRECISION,
    annualized_volatility    DOUBLE PRECISION,
    liquidity_usd            DOUBLE PRECISION,
    liquidity_bucket_start   TIMESTAMPTZ,
    PRIMARY KEY (instrument, period, period_end)
) PARTITION BY RANGE (period_end);
CREATE TABLE market_statistics_default PARTITION OF market_statistics DEFAULT;
-- Prefix searches (all outcomes of a PARIFLOW event), as for ohlc_bars.
CREATE INDEX idx_market_statistics_instrument_prefix
    ON market_statistics (instrument varchar_pattern_ops, period, period_end);

INSERT INTO marketflow_partitioned_tables (parent, step) VALUES ('market_statistics', 'month');
SELECT marketflow_create_partitions_ahead();

-- The latest row of each instrument and period, for dashboards: the same columns (and checks), one
-- row per (instrument, period), not partitioned. The job's upsert only replaces a row with one of a
-- later or equal period_end, so a replay of older data, or a retried batch, never takes it back in
-- time.
CREATE TABLE market_statistics_latest (LIKE market_statistics INCLUDING DEFAULTS INCLUDING CONSTRAINTS);
ALTER TABLE market_statistics_latest ADD PRIMARY KEY (instrument, period);
CREATE INDEX idx_market_statistics_latest_instrument_prefix
    ON market_statistics_latest (instrument varchar_pattern_ops, period);
