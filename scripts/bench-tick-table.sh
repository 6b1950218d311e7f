#!/usr/bin/env bash
# Benchmarks the sustained rate of jobs-microstructure's market_ticks sink into the local
# PostgreSQL (started here, as the local run starts it), beside COPY of the same rows. See
# docs/benchmarks.md.
#
#   scripts/bench-tick-table.sh [--ticks N] [--parallelism N] [--runs N] [--help]
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/lib/kafka-benchmark.sh"
run_kafka_benchmark scripts/bench-tick-table.sh org.marketflow.benchmarks.TickTableBenchmark "$@"
