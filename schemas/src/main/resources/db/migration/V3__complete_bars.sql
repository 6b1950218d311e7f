-- MarketFlow PostgreSQL schema, version 3: complete bars (jobs-ohlc).
--
-- Bars get the split of their volume and trades by aggressor side and the final flag: the bar's
-- last revision, written once the watermark has passed the bar's end plus the allowed lateness.
-- Rows written before this version hold zeros and false, as the Avro defaults do.
ALTER TABLE ohlc_bars
    ADD COLUMN buy_volume       DOUBLE PRECISION NOT NULL DEFAULT 0,
    ADD COLUMN sell_volume      DOUBLE PRECISION NOT NULL DEFAULT 0,
    ADD COLUMN buy_trade_count  BIGINT           NOT NULL DEFAULT 0,
    ADD COLUMN sell_trade_count BIGINT           NOT NULL DEFAULT 0,
    ADD COLUMN is_final         BOOLEAN          NOT NULL DEFAULT false;
