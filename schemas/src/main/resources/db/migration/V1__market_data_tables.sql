-- MarketFlow PostgreSQL schema, version 1.
--
-- Every history table is range-partitioned on its time column: 'day' partitions for the
-- high-frequency tables, 'month' for aggregates. Each parent also has a DEFAULT partition so that
-- a write never fails for lack of a partition (a replay of last year's data, say);
-- marketflow_ensure_partitions() moves such rows out of DEFAULT when it creates the partition
-- that should hold them. marketflow_create_partitions_ahead() is called by the jobs at start-up
-- and by the API service on a schedule, so partitions always exist ahead of live data.

CREATE OR REPLACE FUNCTION marketflow_ensure_partitions(
    parent regclass, step text, from_ts timestamptz, to_ts timestamptz)
RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
  key_column text;
  bucket timestamptz;
  next_bucket timestamptz;
  part_name text;
  default_name text := parent::text || '_default';
  created integer := 0;
BEGIN
  IF step NOT IN ('day', 'month') THEN
    RAISE EXCEPTION 'partition step must be day or month, not %', step;
  END IF;
  SELECT a.attname INTO STRICT key_column
    FROM pg_partitioned_table p
    JOIN pg_attribute a ON a.attrelid = p.partrelid AND a.attnum = p.partattrs[0]
   WHERE p.partrelid = parent;
  bucket := date_trunc(step, from_ts AT TIME ZONE 'UTC') AT TIME ZONE 'UTC';
  WHILE bucket < to_ts LOOP
    next_bucket := ((bucket AT TIME ZONE 'UTC') + ('1 ' || step)::interval) AT TIME ZONE 'UTC';
    part_name := parent::text || '_p'
        || to_char(bucket AT TIME ZONE 'UTC', CASE step WHEN 'day' THEN 'YYYYMMDD' ELSE 'YYYYMM' END);
    IF to_regclass(part_name) IS NULL THEN
      -- Serialize concurrent callers (jobs and the service may start together).
      PERFORM pg_advisory_xact_lock(hashtext(part_name));
      IF to_regclass(part_name) IS NULL THEN
        EXECUTE format('CREATE TABLE %I (LIKE %s INCLUDING DEFAULTS INCLUDING CONSTRAINTS)',
                       part_name, parent);
        EXECUTE format('WITH moved AS (DELETE FROM %I WHERE %I >= %L AND %I < %L RETURNING *) '
                       'INSERT INTO %I SELECT * FROM moved',
                       default_name, key_column, bucket, key_column, next_bucket, part_name);
        EXECUTE format('ALTER TABLE %s ATTACH PARTITION %I FOR VALUES FROM (%L) TO (%L)',
                       parent, part_name, bucket, next_bucket);
        created := created + 1;
      END IF;
    END IF;
    bucket := next_bucket;
  END LOOP;
  RETURN created;
END
$$;

-- Market ticks (high-frequency), from the Markets-page design.
CREATE TABLE market_ticks (
    timestamp       TIMESTAMPTZ      NOT NULL,
    asset_id        VARCHAR(128)     NOT NULL,
    bid             DOUBLE PRECISION,
    ask             DOUBLE PRECISION,
    last_price      DOUBLE PRECISION,
    volume          DOUBLE PRECISION,
    sequence_number BIGINT,
    latency_us      INTEGER
) PARTITION BY RANGE (timestamp);
CREATE INDEX idx_market_ticks_asset_time ON market_ticks (asset_id, timestamp DESC);
CREATE TABLE market_ticks_default PARTITION OF market_ticks DEFAULT;

-- Market microstructure (1-second aggregates).
CREATE TABLE market_microstructure (
    timestamp       TIMESTAMPTZ      NOT NULL,
    asset_id        VARCHAR(128)     NOT NULL,
    spread_bps      DOUBLE PRECISION,
    depth_bid       DOUBLE PRECISION,
    depth_ask       DOUBLE PRECISION,
    imbalance_ratio DOUBLE PRECISION,
    tick_frequency  DOUBLE PRECISION,
    PRIMARY KEY (timestamp, asset_id)
) PARTITION BY RANGE (timestamp);
CREATE TABLE market_microstructure_default PARTITION OF market_microstructure DEFAULT;

-- Liquidity metrics (1-minute aggregates).
CREATE TABLE liquidity_metrics (
    timestamp         TIMESTAMPTZ      NOT NULL,
    asset_id          VARCHAR(128)     NOT NULL,
    bid_liquidity_usd DOUBLE PRECISION,
    ask_liquidity_usd DOUBLE PRECISION,
    liquidity_score   DOUBLE PRECISION,
    resilience_score  DOUBLE PRECISION,
    toxicity_score    DOUBLE PRECISION,
    PRIMARY KEY (timestamp, asset_id)
) PARTITION BY RANGE (timestamp);
CREATE TABLE liquidity_metrics_default PARTITION OF liquidity_metrics DEFAULT;

-- Market events. A partitioned table's primary key must contain the partition key, hence
-- (id, timestamp); the seed's inline INDEX clauses become CREATE INDEX statements.
CREATE SEQUENCE market_events_id_seq AS BIGINT;
CREATE TABLE market_events (
    id          BIGINT           NOT NULL DEFAULT nextval('market_events_id_seq'),
    timestamp   TIMESTAMPTZ      NOT NULL,
    asset_id    VARCHAR(128),
    event_type  VARCHAR(50)      NOT NULL,
    severity    DOUBLE PRECISION,
    description TEXT,
    metadata    JSONB,
    PRIMARY KEY (id, timestamp)
) PARTITION BY RANGE (timestamp);
ALTER SEQUENCE market_events_id_seq OWNED BY market_events.id;
CREATE INDEX idx_events_time ON market_events (timestamp DESC);
CREATE INDEX idx_events_asset ON market_events (asset_id, timestamp DESC);
CREATE TABLE market_events_default PARTITION OF market_events DEFAULT;

-- Trade archive. trade_id is the venue's id (or the engine's for PARIFLOW); with the instrument
-- and time it makes replays idempotent upserts.
CREATE TABLE trades (
    instrument    VARCHAR(128)     NOT NULL,
    exchange_time TIMESTAMPTZ      NOT NULL,
    receive_time  TIMESTAMPTZ      NOT NULL,
    trade_id      VARCHAR(64)      NOT NULL,
    sequence      BIGINT,
    price         DOUBLE PRECISION NOT NULL,
    size          DOUBLE PRECISION NOT NULL,
    side          VARCHAR(7)       NOT NULL CHECK (side IN ('BUY', 'SELL', 'UNKNOWN')),
    is_amm_trade  BOOLEAN,
    order_id      VARCHAR(64),
    PRIMARY KEY (instrument, exchange_time, trade_id)
) PARTITION BY RANGE (exchange_time);
CREATE TABLE trades_default PARTITION OF trades DEFAULT;

-- OHLC bars. A late trade re-writes the bar with revision + 1; writers upsert on the primary key
-- and never let an older revision replace a newer one.
CREATE TABLE ohlc_bars (
    instrument       VARCHAR(128)     NOT NULL,
    bar_interval     VARCHAR(3)       NOT NULL CHECK (bar_interval IN ('1s', '1m', '5m', '15m', '1h', '4h', '1d')),
    bucket_start     TIMESTAMPTZ      NOT NULL,
    open             DOUBLE PRECISION NOT NULL,
    high             DOUBLE PRECISION NOT NULL,
    low              DOUBLE PRECISION NOT NULL,
    close            DOUBLE PRECISION NOT NULL,
    volume           DOUBLE PRECISION NOT NULL,
    quote_volume     DOUBLE PRECISION NOT NULL,
    trade_count      BIGINT           NOT NULL,
    vwap             DOUBLE PRECISION NOT NULL,
    first_trade_time TIMESTAMPTZ      NOT NULL,
    last_trade_time  TIMESTAMPTZ      NOT NULL,
    revision         INTEGER          NOT NULL,
    PRIMARY KEY (instrument, bar_interval, bucket_start)
) PARTITION BY RANGE (bucket_start);
CREATE TABLE ohlc_bars_default PARTITION OF ohlc_bars DEFAULT;
-- Prefix searches (all outcomes of a PARIFLOW event: instrument LIKE 'PARIFLOW:<eventId>:%')
-- use the primary key only under the C collation; this index serves them under any collation.
CREATE INDEX idx_ohlc_bars_instrument_prefix
    ON ohlc_bars (instrument varchar_pattern_ops, bar_interval, bucket_start);

CREATE OR REPLACE FUNCTION marketflow_create_partitions_ahead(
    days_ahead integer DEFAULT 7, months_ahead integer DEFAULT 2)
RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
  today timestamptz := date_trunc('day', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC';
  month_ahead timestamptz := today + make_interval(months => months_ahead);
  day_ahead timestamptz := today + make_interval(days => days_ahead);
BEGIN
  RETURN marketflow_ensure_partitions('market_ticks', 'day', today, day_ahead)
       + marketflow_ensure_partitions('market_microstructure', 'day', today, day_ahead)
       + marketflow_ensure_partitions('trades', 'day', today, day_ahead)
       + marketflow_ensure_partitions('liquidity_metrics', 'month', today, month_ahead)
       + marketflow_ensure_partitions('market_events', 'month', today, month_ahead)
       + marketflow_ensure_partitions('ohlc_bars', 'month', today, month_ahead);
END
$$;

SELECT marketflow_create_partitions_ahead();
