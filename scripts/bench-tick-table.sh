#!/usr/bin/env bash
# Benchmarks the sustained rate of a job's table sink into the local PostgreSQL (started here, as
# the local run starts it), beside COPY of the same rows: jobs-microstructure's market_ticks sink
# (the default) or jobs-ohlc's trade archive (--table trades). See docs/benchmarks.md.
#
#   scripts/bench-tick-table.sh [--table market_ticks|trades] [--ticks N] [--parallelism N] [--runs N] [--help]
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/lib/kafka-benchmark.sh"
run_kafka_benchmark scripts/bench-tick-table.sh org.marketflow.benchmarks.TickTableBenchmark "$@"
