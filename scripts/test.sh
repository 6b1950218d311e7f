#!/usr/bin/env bash
# Runs every test of the suite: unit tests, then the integration tests on real servers (an
# in-process Kafka broker, a Flink MiniCluster, an in-process Neo4j, and local PostgreSQL and
# Redis, which scripts/local-postgres.sh and scripts/local-redis.sh install with apt-get and start
# when they are missing). Set MARKETFLOW_PG_URL / MARKETFLOW_REDIS_URL to use servers of your own.
# Extra arguments go to Maven, e.g. scripts/test.sh -pl jobs-ohlc -am.
set -euo pipefail
cd "$(dirname "$0")/.."

started=()
stop_started() {
  for script in "${started[@]}"; do bash "$script" stop >/dev/null 2>&1 || true; done
}
trap stop_started EXIT

if [ -z "${MARKETFLOW_PG_URL:-}" ]; then
  bash scripts/local-postgres.sh status >/dev/null 2>&1 || started+=(scripts/local-postgres.sh)
  bash scripts/local-postgres.sh start
  while IFS= read -r line; do export "${line?}"; done < <(bash scripts/local-postgres.sh env)
fi
if [ -z "${MARKETFLOW_REDIS_URL:-}" ]; then
  bash scripts/local-redis.sh status >/dev/null 2>&1 || started+=(scripts/local-redis.sh)
  bash scripts/local-redis.sh start
  while IFS= read -r line; do export "${line?}"; done < <(bash scripts/local-redis.sh env)
fi

start=$(date +%s)
./mvnw -B -ntp verify "$@"
echo "All tests passed in $(( $(date +%s) - start )) s."
