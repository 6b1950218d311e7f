-- MarketFlow PostgreSQL schema, version 9: the owner of each export job (serving-api).
--
-- An export job belongs to the institutional account whose key created it: its status and its
-- download answer 404 to every other account, as if the job did not exist. Jobs created before
-- this version have no owner (NULL) and answer 404 to everyone; they expire with their file.
-- (Versions 9 to 27 are left to migrations written at the same time as this one.)
ALTER TABLE export_jobs ADD COLUMN account_id UUID REFERENCES api_accounts (account_id);
