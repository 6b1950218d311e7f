#!/usr/bin/env bash
# Benchmarks jobs-ohlc's bars, 1-minute and all seven intervals, against the raw Kafka read rate and
# the equivalent Flink SQL queries, on an in-process Kafka loaded with simulated trades, and compares
# the job's bars with the SQL query's field by field. See docs/benchmarks.md.
#
#   scripts/bench.sh [--trades N] [--instruments N] [--partitions N] [--parallelism N]
#                    [--runs N] [--trades-per-second R] [--bootstrap-servers HOST:PORT] [--help]
#
# The report goes to stdout, logs to stderr. Exits 1 when the DataStream job and the SQL query
# disagree on the bars (their number, the trades they hold, or any field). BENCH_JAVA_OPTS overrides the JVM options (default: -Xms4g -Xmx4g).
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/lib/kafka-benchmark.sh"
run_kafka_benchmark scripts/bench.sh org.marketflow.benchmarks.OhlcBenchmark "$@"
