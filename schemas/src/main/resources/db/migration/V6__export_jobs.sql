-- MarketFlow PostgreSQL schema, version 6: the asynchronous export jobs of serving-api
-- (GET /api/institutional/market-data/export). One row per job, so that any instance of the service
-- answers a job's status and download; the file itself lives in marketflow.export.directory.
--
-- status: processing -> completed | failed; completed -> expired once expires_at has passed and
-- the cleanup removed the file. record_count and file_size are 0 until the job completes.
CREATE TABLE export_jobs (
    job_id       UUID         PRIMARY KEY,
    status       VARCHAR(10)  NOT NULL CHECK (status IN ('processing', 'completed', 'failed', 'expired')),
    export_type  VARCHAR(10)  NOT NULL CHECK (export_type IN ('trades', 'ohlc', 'statistics')),
    format       VARCHAR(7)   NOT NULL CHECK (format IN ('json', 'csv', 'parquet')),
    -- The validated request, as a canonical query string (for support and the audit of who asked).
    request      TEXT         NOT NULL,
    file_name    VARCHAR(255) NOT NULL,
    record_count BIGINT       NOT NULL DEFAULT 0 CHECK (record_count >= 0),
    file_size    BIGINT       NOT NULL DEFAULT 0 CHECK (file_size >= 0),
    error        TEXT,
    created_at   TIMESTAMPTZ  NOT NULL,
    completed_at TIMESTAMPTZ,
    -- For a processing job: when it is given up as failed; otherwise when the download expires.
    expires_at   TIMESTAMPTZ  NOT NULL
);
-- The cleanup's scan: jobs whose file or processing time has run out.
CREATE INDEX idx_export_jobs_status_expires ON export_jobs (status, expires_at);
