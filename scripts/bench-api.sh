#!/usr/bin/env bash
# Load-tests the packaged serving-api: the highest rate each endpoint holds and its latency
# percentiles at a fixed rate (default 2,000 requests/s), beside a trivial endpoint of the same
# service, in one run. Without --url it starts the service here on the local PostgreSQL and Redis
# (started as the local run starts them) with 1-minute bars, a live order book and a read key.
# See docs/benchmarks.md.
#
#   scripts/bench-api.sh [--rate R] [--seconds S] [--in-flight N] [--warmup-seconds S] [--bars N]
#                        [--url URL --api-key KEY] [--target name=path[,path...]]... [--help]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

./mvnw -q -DskipTests -Dspotless.check.skip=true -pl serving-api,benchmarks -am package >&2

java ${BENCH_JAVA_OPTS:--Xms1g -Xmx1g} \
  "-Dbench.command=scripts/bench-api.sh $*" \
  -cp "benchmarks/target/classes:benchmarks/target/lib/*" \
  org.marketflow.benchmarks.ApiLoadBenchmark "$@"
