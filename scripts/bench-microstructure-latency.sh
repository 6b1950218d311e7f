#!/usr/bin/env bash
# Benchmarks jobs-microstructure's latency: the time from a book update's receive time to its tick
# in Redis, at a sustained rate of simulated updates, on an in-process Kafka and the local Redis
# (started here as the local run starts it). See docs/benchmarks.md.
#
#   scripts/bench-microstructure-latency.sh [--rate N] [--seconds N] [--warmup-seconds N]
#       [--instruments N] [--partitions N] [--out-of-orderness-ms N] [--watermark-interval-ms N]
#       [--buffer-timeout-ms N] [--redis-flush-interval-ms N] [--kafka-delivery D]
#       [--publisher-linger-ms N] [--help]
#
# The report goes to stdout, logs to stderr. Exits 1 when the publisher could not keep the rate.
# BENCH_JAVA_OPTS overrides the JVM options (default: -Xms4g -Xmx4g).
set -euo pipefail

scripts="$(dirname "${BASH_SOURCE[0]}")"
source "$scripts/lib/kafka-benchmark.sh"
bash "$scripts/local-redis.sh" start >&2
redis_url="$(bash "$scripts/local-redis.sh" env | sed -n 's/^MARKETFLOW_REDIS_URL=//p')"
run_kafka_benchmark scripts/bench-microstructure-latency.sh \
  org.marketflow.benchmarks.MicrostructureLatencyBenchmark --redis-url "$redis_url" "$@"
