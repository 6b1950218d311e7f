#!/usr/bin/env bash
# Benchmarks the feed handlers on real Binance data (../shared/data beside the project root): JMH
# for parsing depth diffs and applying them to a book (and for decoding the topics' Avro records,
# AvroDecodeBenchmark), and a timed harness for replaying a recording into an in-process Kafka
# beside the raw producer rate. See docs/benchmarks.md.
#
#   scripts/bench-feeds.sh                   # both, with the settings below
#   scripts/bench-feeds.sh jmh [JMH options] # e.g. jmh BinanceParse -prof gc; jmh -h for all
#   scripts/bench-feeds.sh replay [options]  # --passes N --runs N --partitions N --recording F
#
# JMH runs 1 fork, 3 warm-up iterations of 2 s and 5 measured iterations of 2 s (the benchmarks'
# own annotations), one thread. Reports go to stdout, logs to stderr. BENCH_JAVA_OPTS overrides
# the JVM options (default: -Xms2g -Xmx2g), which JMH's forks inherit.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

what="${1:-all}"
[ $# -gt 0 ] && shift
case "$what" in
  all | jmh | replay) ;;
  *)
    echo "usage: scripts/bench-feeds.sh [all | jmh [JMH options] | replay [options]]" >&2
    exit 2
    ;;
esac

./mvnw -q -DskipTests -Dspotless.check.skip=true -pl benchmarks -am package >&2

# The replay's broker log goes to a temporary directory of this run, removed however it ends.
work="$(mktemp -d "${TMPDIR:-/tmp}/marketflow-bench-feeds.XXXXXX")"
trap 'rm -rf "$work"' EXIT

run_java() {
  java ${BENCH_JAVA_OPTS:--Xms2g -Xmx2g} -Djava.io.tmpdir="$work" \
    -cp "benchmarks/target/classes:benchmarks/target/lib/*" "$@"
}

if [ "$what" = all ] || [ "$what" = jmh ]; then
  if [ "$what" = jmh ] && [ $# -gt 0 ]; then
    run_java org.openjdk.jmh.Main "$@"
  else
    run_java org.openjdk.jmh.Main 'org\.marketflow\.benchmarks\.feeds\..*Benchmark'
  fi
fi
if [ "$what" = all ] || [ "$what" = replay ]; then
  if [ "$what" = replay ]; then
    run_java org.marketflow.benchmarks.feeds.ReplayBenchmark "$@"
  else
    run_java org.marketflow.benchmarks.feeds.ReplayBenchmark
  fi
fi
