-- MarketFlow PostgreSQL schema, version 5: institutional accounts, API keys and the admin audit log
-- (serving-api, package org.marketflow.api.access; docs/api.md "Authentication and keys").
--
-- A key is stored as a keyed hash only (HMAC-SHA-256 with the service's pepper), found by its
-- non-secret prefix. The secret itself is shown once, in the answer that created it.

-- An institutional client. account_type selects the rate-limit tier (marketflow.rate-limit.tiers).
CREATE TABLE api_accounts (
    account_id    UUID         PRIMARY KEY,
    name          VARCHAR(200) NOT NULL,
    account_type  VARCHAR(64)  NOT NULL,
    active        BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at    TIMESTAMPTZ  NOT NULL DEFAULT now()
);

-- An API key of an account. prefix is the public part of "mfk_<prefix>_<secret>"; secret_hash is
-- HMAC-SHA-256(pepper, whole key), 32 bytes. A rotated key is revoked and names its successor.
CREATE TABLE api_keys (
    key_id        UUID         PRIMARY KEY,
    account_id    UUID         NOT NULL REFERENCES api_accounts (account_id),
    prefix        VARCHAR(32)  NOT NULL UNIQUE,
    secret_hash   BYTEA        NOT NULL CHECK (octet_length(secret_hash) = 32),
    permissions   TEXT[]       NOT NULL
        CHECK (cardinality(permissions) > 0 AND permissions <@ ARRAY['read', 'trade', 'admin']),
    status        VARCHAR(16)  NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'revoked')),
    created_at    TIMESTAMPTZ  NOT NULL DEFAULT now(),
    revoked_at    TIMESTAMPTZ,
    rotated_at    TIMESTAMPTZ,
    replaced_by   UUID         REFERENCES api_keys (key_id),
    CHECK ((status = 'revoked') = (revoked_at IS NOT NULL))
);
CREATE INDEX idx_api_keys_account ON api_keys (account_id);

-- Every admin action: which key did it (NULL for the start-up bootstrap), what, on what, when.
CREATE TABLE api_audit_log (
    audit_id      BIGINT       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    actor_key_id  UUID,
    action        VARCHAR(64)  NOT NULL,
    target_type   VARCHAR(32)  NOT NULL,
    target_id     VARCHAR(64)  NOT NULL,
    details       JSONB        NOT NULL DEFAULT '{}'::jsonb,
    created_at    TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX idx_api_audit_log_target ON api_audit_log (target_type, target_id, created_at);
