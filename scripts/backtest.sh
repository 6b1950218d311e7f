#!/usr/bin/env bash
# Runs one job as a backtest on this machine, over a range of event times of the topics of a
# running scripts/run-local.sh (or of --kafka.bootstrap-servers): migrates the schema
# backtest_<name> in the local PostgreSQL, runs the job in this JVM until the range is read, and
# prints a psql line that shows the result. See docs/architecture.md, "Backtests".
#
#   scripts/backtest.sh ohlc|microstructure --backtest.name <name> --from <ISO instant> --to <ISO instant> [job options]
set -euo pipefail
cd "$(dirname "$0")/.."

./mvnw -B -q -ntp install -DskipTests -Dspotless.check.skip=true -pl local-launcher -am
classpath="local-launcher/target/classes:$(cat local-launcher/target/runtime-classpath.txt)"
exec java -Xmx2g -cp "$classpath" org.marketflow.launcher.LocalBacktest "$@"
