#!/usr/bin/env bash
# Benchmarks serving-api's WebSocket feed: messages/s delivered to many subscribed clients and the
# latency from each trade's receive time to its delivery. By default it packages serving-api and
# starts it here on an in-process Kafka and the local PostgreSQL (started as the local run starts
# it); --service-url and --bootstrap-servers measure a running service instead. See
# docs/benchmarks.md.
#
#   scripts/bench-live.sh [--clients N] [--rate N] [--instruments N] [--seconds N]
#       [--warmup-seconds N] [--service-url URL --bootstrap-servers HOST:PORT [--topic T]] [--help]
#
# The report goes to stdout, logs to stderr. Exits 1 when a client was dropped or nothing was
# measured. BENCH_JAVA_OPTS overrides the JVM options (default: -Xms4g -Xmx4g).
set -euo pipefail

scripts="$(dirname "${BASH_SOURCE[0]}")"
root="$(cd "$scripts/.." && pwd)"
if [[ " $* " != *" --service-url "* ]]; then
  bash "$scripts/local-postgres.sh" start >&2
  (cd "$root" && ./mvnw -q -DskipTests -Dspotless.check.skip=true -pl serving-api -am package >&2)
fi
source "$scripts/lib/kafka-benchmark.sh"
run_kafka_benchmark scripts/bench-live.sh org.marketflow.benchmarks.LiveFeedBenchmark "$@"
