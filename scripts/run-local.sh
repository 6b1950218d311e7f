#!/usr/bin/env bash
# Builds the suite and runs it on this machine with embedded defaults: an in-process Kafka broker,
# local PostgreSQL and Redis (installed with apt-get and started when missing), an in-process Neo4j,
# jobs-ohlc, jobs-microstructure and jobs-analytics on a Flink MiniCluster, the market simulator's
# books, quotes and trades (or --replay <recording.gz>), and the API service on localhost:8080.
# Ctrl-C stops everything. Options: scripts/run-local.sh --help.
set -euo pipefail
cd "$(dirname "$0")/.."

./mvnw -B -q -ntp install -DskipTests -Dspotless.check.skip=true -pl local-launcher -am
classpath="local-launcher/target/classes:$(cat local-launcher/target/runtime-classpath.txt)"
exec java -Xmx2g -cp "$classpath" org.marketflow.launcher.LocalSuite "$@"
