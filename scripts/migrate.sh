#!/usr/bin/env bash
# The deployment step that brings a PostgreSQL database to the MarketFlow schema and creates the
# time partitions ahead of now. Run it once per deployment, before the jobs (which only check the
# schema version) and the service. Safe to run again.
#
#   scripts/migrate.sh --jdbc-url jdbc:postgresql://db:5432/marketflow --user marketflow --password secret
#
# Add --backtest <name> to migrate the schema backtest_<name> of a backtest instead (once before
# the jobs run with --backtest.name <name>; see docs/architecture.md, "Backtests").
# Without --jdbc-url it uses MARKETFLOW_PG_URL, MARKETFLOW_PG_USER and MARKETFLOW_PG_PASSWORD.
# The same command is the jar db-migrate/target/db-migrate-*-all.jar (java -jar ... --help).
set -euo pipefail
cd "$(dirname "$0")/.."

jar=$(ls db-migrate/target/db-migrate-*-all.jar 2>/dev/null | head -n 1 || true)
if [[ -z "$jar" ]]; then
  ./mvnw -B -q -ntp package -DskipTests -Dspotless.check.skip=true -pl db-migrate -am >&2
  jar=$(ls db-migrate/target/db-migrate-*-all.jar | head -n 1)
fi
exec java -jar "$jar" "$@"
