#!/usr/bin/env bash
# Benchmarks jobs-microstructure's book and 1 s microstructure against the raw Kafka read rate, on
# an in-process Kafka loaded with simulated book updates, and reports the bytes of each book in
# keyed state. See docs/benchmarks.md.
#
#   scripts/bench-microstructure.sh [--updates N] [--instruments N] [--partitions N]
#                                   [--parallelism N] [--runs N] [--events-per-second R]
#                                   [--bootstrap-servers HOST:PORT] [--help]
#
# The report goes to stdout, logs to stderr. Exits 1 when the job lost or rejected updates.
# BENCH_JAVA_OPTS overrides the JVM options (default: -Xms4g -Xmx4g).
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/lib/kafka-benchmark.sh"
run_kafka_benchmark scripts/bench-microstructure.sh org.marketflow.benchmarks.MicrostructureBenchmark "$@"
