#!/usr/bin/env bash
# A throwaway local Redis server for tests and the local launcher; no Docker needed.
#
#   scripts/local-redis.sh start|stop|status|env
#
# start   installs redis-server with apt-get when it is missing, then starts it daemonized on
#         127.0.0.1 without persistence. Idempotent and safe to run concurrently (flock).
# stop    stops the server started by this script.
# status  prints the state; exits 0 when running, 3 otherwise.
# env     prints the MARKETFLOW_REDIS_URL line.
#
# Environment: MARKETFLOW_REDIS_PORT (default 56379). Each port gets its own state directory.
set -euo pipefail

readonly PORT="${MARKETFLOW_REDIS_PORT:-56379}"
if [[ "$PORT" == 56379 ]]; then
  STATE_DIR=/var/tmp/marketflow-redis
else
  STATE_DIR="/var/tmp/marketflow-redis-$PORT"
fi
readonly STATE_DIR
readonly PIDFILE="$STATE_DIR/redis.pid"
readonly SERVER_LOG="$STATE_DIR/redis.log"
readonly LOG="$STATE_DIR/script.log"
readonly APT_LOCK=/var/tmp/marketflow-apt.lock
readonly NAME="local-redis"

log() { echo "$NAME: $*" >&2; }
die() {
  log "ERROR: $*"
  local file
  for file in "$LOG" "$SERVER_LOG"; do
    if [[ -s "$file" ]]; then
      log "last lines of $file:"
      tail -n 20 "$file" >&2
    fi
  done
  exit 1
}

as_root() {
  if [[ $EUID -eq 0 ]]; then "$@"; else sudo -n "$@"; fi
}

install_redis() {
  command -v apt-get >/dev/null || die "redis-server is not installed and apt-get is not available"
  log "installing redis-server with apt-get (once per machine)"
  (
    # Shared with local-postgres.sh: apt-get and dpkg do not queue, they fail on a held lock.
    flock -w 900 8 || die "timed out waiting for $APT_LOCK"
    export DEBIAN_FRONTEND=noninteractive
    local apt=(apt-get -y -q -o DPkg::Lock::Timeout=600)
    # Update the package lists only when they do not know the package yet.
    if ! apt-cache show redis-server >/dev/null 2>&1; then
      as_root "${apt[@]}" update >>"$LOG" 2>&1 || die "apt-get update failed"
    fi
    if ! as_root "${apt[@]}" install --no-install-recommends redis-server >>"$LOG" 2>&1; then
      # Stale lists give 404s: refresh once and retry.
      as_root "${apt[@]}" update >>"$LOG" 2>&1 || die "apt-get update failed"
      as_root "${apt[@]}" install --no-install-recommends redis-server >>"$LOG" 2>&1 ||
        die "apt-get install redis-server failed"
    fi
  ) 8>"$APT_LOCK"
}

ping_ok() { [[ "$(redis-cli -h 127.0.0.1 -p "$PORT" ping 2>/dev/null)" == PONG ]]; }

# Our server: the pid in our pidfile is alive and is a redis-server.
our_server_running() {
  [[ -s "$PIDFILE" ]] || return 1
  local pid
  pid="$(cat "$PIDFILE")"
  [[ "$pid" =~ ^[0-9]+$ ]] && [[ "$(ps -o comm= -p "$pid" 2>/dev/null)" == redis-server* ]]
}

start_server() {
  # --daemonize closes stdio; fd 9 (the flock) must not be inherited by the server either.
  redis-server \
    --bind 127.0.0.1 \
    --port "$PORT" \
    --daemonize yes \
    --pidfile "$PIDFILE" \
    --logfile "$SERVER_LOG" \
    --dir "$STATE_DIR" \
    --save '' \
    --appendonly no \
    --protected-mode yes \
    </dev/null >>"$LOG" 2>&1 9>&- || die "redis-server failed to start"
}

take_lock() {
  mkdir -p "$STATE_DIR"
  exec 9>"$STATE_DIR/lock"
  flock -w 900 9 || die "timed out waiting for the lock on $STATE_DIR/lock"
}

cmd_start() {
  local started_at=$SECONDS
  take_lock
  : >"$LOG"
  command -v redis-server >/dev/null || install_redis
  command -v redis-server >/dev/null || die "redis-server not found after install"
  if our_server_running && ping_ok; then
    log "Redis already running on 127.0.0.1:$PORT"
    return 0
  fi
  if ping_ok; then
    die "port $PORT is answering PING but is not the server started by this script"
  fi
  rm -f "$PIDFILE"
  start_server
  local tries=0
  until ping_ok; do
    ((++tries < 100)) || die "Redis did not answer PING on port $PORT"
    sleep 0.05
  done
  log "Redis $(redis-server --version | awk '{print $3}' | cut -d= -f2) ready on 127.0.0.1:$PORT ($((SECONDS - started_at))s)"
}

cmd_stop() {
  take_lock
  if our_server_running; then
    local pid tries=0
    pid="$(cat "$PIDFILE")"
    kill "$pid"
    while kill -0 "$pid" 2>/dev/null; do
      ((++tries < 200)) || die "Redis (pid $pid) did not stop"
      sleep 0.05
    done
    rm -f "$PIDFILE"
    log "stopped Redis on port $PORT"
  else
    log "not running"
  fi
}

cmd_status() {
  if ! command -v redis-server >/dev/null; then
    echo "not installed"
    exit 3
  elif our_server_running && ping_ok; then
    echo "running: Redis on 127.0.0.1:$PORT (pid $(cat "$PIDFILE"), state $STATE_DIR)"
  else
    echo "stopped: Redis (port $PORT)"
    exit 3
  fi
}

cmd_env() {
  echo "MARKETFLOW_REDIS_URL=redis://127.0.0.1:$PORT"
}

case "${1:-}" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  env) cmd_env ;;
  *)
    echo "usage: $0 start|stop|status|env" >&2
    exit 2
    ;;
esac
