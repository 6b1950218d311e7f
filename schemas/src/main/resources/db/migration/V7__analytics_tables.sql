-- MarketFlow PostgreSQL schema, version 7: volatility, correlations, regimes and anomalies
-- (jobs-analytics; docs/jobs/analytics.md defines every column).
--
-- Each table is partitioned by month on its time column like ohlc_bars, and keyed so that a replay
-- or a restart rewrites the same row: the job upserts every record.

CREATE TABLE volatility_metrics (
    instrument              VARCHAR(128)     NOT NULL,
    rolling_window          VARCHAR(8)       NOT NULL,
    ts                      TIMESTAMPTZ      NOT NULL,
    bars                    INTEGER          NOT NULL,
    realized_vol            DOUBLE PRECISION,
    implied_vol             DOUBLE PRECISION,
    parkinson_vol           DOUBLE PRECISION,
    garman_klass_vol        DOUBLE PRECISION,
    vol_of_vol              DOUBLE PRECISION,
    vol_regime              VARCHAR(8)       CHECK (vol_regime IN ('LOW', 'MEDIUM', 'HIGH')),
    garch_omega             DOUBLE PRECISION,
    garch_alpha             DOUBLE PRECISION,
    garch_beta              DOUBLE PRECISION,
    garch_log_likelihood    DOUBLE PRECISION,
    garch_converged         BOOLEAN,
    garch_note              TEXT,
    garch_next_vol          DOUBLE PRECISION,
    garch_horizon_vol       DOUBLE PRECISION,
    garch_horizon_minutes   INTEGER          NOT NULL,
    null_reason             TEXT,
    PRIMARY KEY (instrument, rolling_window, ts)
) PARTITION BY RANGE (ts);
CREATE TABLE volatility_metrics_default PARTITION OF volatility_metrics DEFAULT;

-- Matrices as JSON arrays (row-major, null where undefined) beside the assets they index.
CREATE TABLE correlation_matrices (
    rolling_window          VARCHAR(8)       NOT NULL,
    method                  VARCHAR(16)      NOT NULL CHECK (method IN ('pearson', 'spearman', 'kendall')),
    ts                      TIMESTAMPTZ      NOT NULL,
    sampling_seconds        BIGINT           NOT NULL,
    assets                  JSONB            NOT NULL,
    correlations            JSONB            NOT NULL,
    p_values                JSONB            NOT NULL,
    observations            JSONB            NOT NULL,
    changes                 JSONB            NOT NULL,
    average_correlation     DOUBLE PRECISION,
    average_change          DOUBLE PRECISION,
    correlation_regime      VARCHAR(16)      CHECK (correlation_regime IN ('NORMAL', 'BREAKDOWN', 'CRISIS')),
    clusters                JSONB            NOT NULL,
    PRIMARY KEY (rolling_window, method, ts)
) PARTITION BY RANGE (ts);
CREATE TABLE correlation_matrices_default PARTITION OF correlation_matrices DEFAULT;

CREATE TABLE market_regimes (
    instrument              VARCHAR(128)     NOT NULL,
    ts                      TIMESTAMPTZ      NOT NULL,
    trend_strength          DOUBLE PRECISION,
    trend_direction         VARCHAR(8)       NOT NULL CHECK (trend_direction IN ('UP', 'DOWN', 'SIDEWAYS')),
    volatility_regime       VARCHAR(8),
    liquidity_regime        VARCHAR(16),
    correlation_regime      VARCHAR(16),
    hmm_state               VARCHAR(16),
    regime_probability      DOUBLE PRECISION,
    regime                  VARCHAR(32)      NOT NULL,
    PRIMARY KEY (instrument, ts)
) PARTITION BY RANGE (ts);
CREATE TABLE market_regimes_default PARTITION OF market_regimes DEFAULT;

CREATE TABLE market_anomalies (
    instrument              VARCHAR(128)     NOT NULL,
    ts                      TIMESTAMPTZ      NOT NULL,
    anomaly_type            VARCHAR(32)      NOT NULL,
    severity                DOUBLE PRECISION NOT NULL CHECK (severity BETWEEN 0 AND 1),
    z_score                 DOUBLE PRECISION NOT NULL,
    value                   DOUBLE PRECISION NOT NULL,
    median                  DOUBLE PRECISION NOT NULL,
    description             TEXT             NOT NULL,
    recommended_action      VARCHAR(16)      NOT NULL CHECK (recommended_action IN ('ALERT', 'INVESTIGATE', 'PAUSE')),
    PRIMARY KEY (instrument, ts, anomaly_type)
) PARTITION BY RANGE (ts);
CREATE TABLE market_anomalies_default PARTITION OF market_anomalies DEFAULT;

INSERT INTO marketflow_partitioned_tables (parent, step) VALUES
    ('volatility_metrics', 'month'),
    ('correlation_matrices', 'month'),
    ('market_regimes', 'month'),
    ('market_anomalies', 'month');
SELECT marketflow_create_partitions_ahead();
