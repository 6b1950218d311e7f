# Sourced by scripts/bench.sh, scripts/bench-microstructure.sh and scripts/bench-analytics.sh:
# builds the benchmarks module and runs one of its Kafka benchmarks with the caller's arguments.
#
#   run_kafka_benchmark SCRIPT MAIN_CLASS [ARGS...]
#
# The report goes to stdout, logs to stderr; the exit code is the benchmark's. BENCH_JAVA_OPTS
# overrides the JVM options (default: -Xms4g -Xmx4g).

run_kafka_benchmark() {
  local script="$1" main="$2"
  shift 2
  local root
  root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
  cd "$root"

  # Build the harness and the modules it runs; other modules' formatting is not this script's
  # concern.
  ./mvnw -q -DskipTests -Dspotless.check.skip=true -pl benchmarks -am package >&2

  # The broker's log (about 1 GB for 10 million trades), Flink's blobs and the SQL planner's jar go
  # to a temporary directory of this run, removed however the run ends.
  work="$(mktemp -d "${TMPDIR:-/tmp}/marketflow-bench.XXXXXX")"
  trap 'rm -rf "$work"' EXIT

  # Not exec: the trap must run after java exits.
  java ${BENCH_JAVA_OPTS:--Xms4g -Xmx4g} \
    -Djava.io.tmpdir="$work" \
    "-Dbench.command=$script $*" \
    -cp "benchmarks/target/classes:benchmarks/target/lib/*" \
    "$main" "$@"
}
