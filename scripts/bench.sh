#!/usr/bin/env bash
# Benchmarks jobs-ohlc's 1-minute bars against the raw Kafka read rate and the equivalent Flink SQL
# query, on an in-process Kafka loaded with simulated trades. See docs/benchmarks.md.
#
#   scripts/bench.sh [--trades N] [--instruments N] [--partitions N] [--parallelism N]
#                    [--runs N] [--trades-per-second R] [--bootstrap-servers HOST:PORT] [--help]
#
# The report goes to stdout, logs to stderr. Exits 1 when the DataStream job and the SQL query
# disagree on the bars. BENCH_JAVA_OPTS overrides the JVM options (default: -Xms4g -Xmx4g).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

# Build the harness and the modules it runs; other modules' formatting is not this script's concern.
./mvnw -q -DskipTests -Dspotless.check.skip=true -pl benchmarks -am package >&2

# The broker's log (about 1 GB for 10 million trades), Flink's blobs and the SQL planner's jar go
# to a temporary directory of this run, removed however the run ends.
work="$(mktemp -d "${TMPDIR:-/tmp}/marketflow-bench.XXXXXX")"
trap 'rm -rf "$work"' EXIT

# Not exec: the trap must run after java exits.
java ${BENCH_JAVA_OPTS:--Xms4g -Xmx4g} \
  -Djava.io.tmpdir="$work" \
  "-Dbench.command=scripts/bench.sh $*" \
  -cp "benchmarks/target/classes:benchmarks/target/lib/*" \
  org.marketflow.benchmarks.OhlcBenchmark "$@"
