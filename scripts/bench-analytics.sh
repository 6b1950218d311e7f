#!/usr/bin/env bash
# Benchmarks jobs-analytics: one correlation update of every window and method for 100 instruments
# with the job's own code beside commons-math3's batch recomputation of the same matrices (checked
# to agree), then the job's throughput on an in-process Kafka loaded with simulated 1-minute bars,
# against the raw Kafka read rate. See docs/benchmarks.md.
#
#   scripts/bench-analytics.sh [--minutes N] [--updates N] [--instruments N] [--partitions N]
#                              [--parallelism N] [--runs N] [--bootstrap-servers HOST:PORT] [--help]
#
# The report goes to stdout, logs to stderr. Exits 1 when the matrices disagree or the job's outputs
# are not the expected ones. BENCH_JAVA_OPTS overrides the JVM options (default: -Xms4g -Xmx4g).
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/lib/kafka-benchmark.sh"
run_kafka_benchmark scripts/bench-analytics.sh org.marketflow.benchmarks.AnalyticsBenchmark "$@"
