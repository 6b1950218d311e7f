#!/usr/bin/env bash
# A throwaway local PostgreSQL cluster for tests and the local launcher; no Docker needed.
#
#   scripts/local-postgres.sh start|stop|status|env
#
# start   installs PostgreSQL with apt-get when it is missing, creates a dedicated Debian cluster
#         (pg_createcluster) tuned for speed over durability, starts it and ensures the role and
#         database `marketflow` exist. Idempotent and safe to run concurrently (flock).
# stop    stops the cluster (its data stays for the next start).
# status  prints the state; exits 0 when running, 3 otherwise.
# env     prints MARKETFLOW_PG_URL, MARKETFLOW_PG_USER and MARKETFLOW_PG_PASSWORD lines.
#
# Environment: MARKETFLOW_PG_PORT (default 55432). Each port gets its own cluster.
set -euo pipefail

readonly PORT="${MARKETFLOW_PG_PORT:-55432}"
readonly DB_USER=marketflow
readonly DB_PASSWORD=marketflow
readonly DB_NAME=marketflow
readonly STATE_DIR=/var/tmp/marketflow-postgres
readonly APT_LOCK=/var/tmp/marketflow-apt.lock
readonly LOG="$STATE_DIR/script.log"
if [[ "$PORT" == 55432 ]]; then CLUSTER=marketflow; else CLUSTER="marketflow_$PORT"; fi
readonly CLUSTER
readonly NAME="local-postgres"

log() { echo "$NAME: $*" >&2; }
die() {
  log "ERROR: $*"
  if [[ -s "$LOG" ]]; then
    log "last lines of $LOG:"
    tail -n 20 "$LOG" >&2
  fi
  exit 1
}

as_root() {
  if [[ $EUID -eq 0 ]]; then "$@"; else sudo -n "$@"; fi
}

# Runs a command as the postgres OS user (initdb and friends refuse to run as root).
as_postgres() {
  if [[ $EUID -eq 0 ]]; then runuser -u postgres -- "$@"; else sudo -n -u postgres "$@"; fi
}

installed_major_version() {
  local dir
  for dir in $(ls -1d /usr/lib/postgresql/*/bin/postgres 2>/dev/null | sort -V -r); do
    basename "$(dirname "$(dirname "$dir")")"
    return 0
  done
  return 1
}

install_postgres() {
  command -v apt-get >/dev/null || die "PostgreSQL is not installed and apt-get is not available"
  log "installing PostgreSQL with apt-get (once per machine)"
  (
    # Shared with local-redis.sh: apt-get and dpkg do not queue, they fail on a held lock.
    flock -w 900 8 || die "timed out waiting for $APT_LOCK"
    export DEBIAN_FRONTEND=noninteractive
    local apt=(apt-get -y -q -o DPkg::Lock::Timeout=600)
    # Update the package lists only when they do not know the package yet.
    if ! apt-cache show postgresql >/dev/null 2>&1; then
      as_root "${apt[@]}" update >>"$LOG" 2>&1 || die "apt-get update failed"
    fi
    if ! as_root "${apt[@]}" install --no-install-recommends postgresql >>"$LOG" 2>&1; then
      # Stale lists give 404s: refresh once and retry.
      as_root "${apt[@]}" update >>"$LOG" 2>&1 || die "apt-get update failed"
      as_root "${apt[@]}" install --no-install-recommends postgresql >>"$LOG" 2>&1 ||
        die "apt-get install postgresql failed"
    fi
  ) 8>"$APT_LOCK"
}

cluster_exists() { [[ -d "/etc/postgresql/$VERSION/$CLUSTER" ]]; }

cluster_running() {
  cluster_exists && as_postgres pg_ctlcluster "$VERSION" "$CLUSTER" status >/dev/null 2>&1
}

# A throwaway cluster: durability traded for speed. Rewritten on every start so changes apply.
write_tuning() {
  local conf="/etc/postgresql/$VERSION/$CLUSTER/conf.d/00-marketflow-tests.conf"
  local wanted
  wanted="$(
    cat <<EOF
# Managed by scripts/local-postgres.sh: a throwaway cluster for tests, NOT durable.
listen_addresses = '127.0.0.1'
max_connections = 200
fsync = off
synchronous_commit = off
full_page_writes = off
wal_level = minimal
max_wal_senders = 0
shared_buffers = 128MB
EOF
  )"
  if [[ ! -f "$conf" || "$(cat "$conf")" != "$wanted" ]]; then
    as_postgres mkdir -p "$(dirname "$conf")"
    printf '%s\n' "$wanted" | as_postgres tee "$conf" >/dev/null
    TUNING_CHANGED=1
  fi
}

create_cluster() {
  # --start-conf=manual: this cluster is started by this script, never at boot.
  as_root pg_createcluster "$VERSION" "$CLUSTER" -p "$PORT" --start-conf=manual >>"$LOG" 2>&1 9>&- ||
    die "pg_createcluster $VERSION $CLUSTER failed"
}

start_cluster() {
  # The postmaster must not inherit the flock (fd 9) or stdout: that would hold the lock and
  # the caller's pipe for the server's lifetime.
  as_root pg_ctlcluster "$VERSION" "$CLUSTER" start </dev/null >>"$LOG" 2>&1 9>&- ||
    die "pg_ctlcluster $VERSION $CLUSTER start failed"
}

psql_admin() {
  as_postgres psql -X -q -v ON_ERROR_STOP=1 -p "$PORT" -d postgres "$@"
}

ensure_role_and_database() {
  psql_admin >>"$LOG" 2>&1 <<SQL || die "could not create role/database $DB_USER"
DO \$\$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$DB_USER') THEN
    CREATE ROLE $DB_USER LOGIN CREATEDB PASSWORD '$DB_PASSWORD';
  ELSE
    ALTER ROLE $DB_USER LOGIN CREATEDB PASSWORD '$DB_PASSWORD';
  END IF;
END
\$\$;
SELECT 'CREATE DATABASE $DB_NAME OWNER $DB_USER'
WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '$DB_NAME') \gexec
SQL
}

take_lock() {
  mkdir -p "$STATE_DIR"
  exec 9>"$STATE_DIR/lock-$PORT"
  flock -w 900 9 || die "timed out waiting for the lock on $STATE_DIR/lock-$PORT"
}

cmd_start() {
  local started_at=$SECONDS
  take_lock
  : >"$LOG"
  if ! VERSION="$(installed_major_version)"; then
    install_postgres
    VERSION="$(installed_major_version)" || die "PostgreSQL binaries not found after install"
  fi
  TUNING_CHANGED=0
  cluster_exists || create_cluster
  write_tuning
  if cluster_running; then
    if [[ $TUNING_CHANGED == 1 ]]; then
      as_root pg_ctlcluster "$VERSION" "$CLUSTER" restart </dev/null >>"$LOG" 2>&1 9>&- ||
        die "pg_ctlcluster restart failed"
    fi
  else
    start_cluster
  fi
  # The superuser connects over the Unix socket; the socket may lag pg_ctl's "ready" a little.
  local tries=0
  until as_postgres pg_isready -q -p "$PORT" -d postgres; do
    ((++tries < 100)) || die "PostgreSQL did not become ready on port $PORT"
    sleep 0.1
  done
  ensure_role_and_database
  log "PostgreSQL $VERSION cluster '$CLUSTER' ready on 127.0.0.1:$PORT ($((SECONDS - started_at))s)"
}

cmd_stop() {
  take_lock
  if VERSION="$(installed_major_version)" && cluster_running; then
    as_root pg_ctlcluster "$VERSION" "$CLUSTER" stop -m fast >/dev/null 2>&1 9>&- ||
      die "pg_ctlcluster stop failed"
    log "stopped cluster $VERSION/$CLUSTER"
  else
    log "not running"
  fi
}

cmd_status() {
  if ! VERSION="$(installed_major_version)"; then
    echo "not installed"
    exit 3
  elif ! cluster_exists; then
    echo "PostgreSQL $VERSION installed; cluster '$CLUSTER' not created"
    exit 3
  elif cluster_running; then
    echo "running: PostgreSQL $VERSION cluster '$CLUSTER' on 127.0.0.1:$PORT"
  else
    echo "stopped: PostgreSQL $VERSION cluster '$CLUSTER' (port $PORT)"
    exit 3
  fi
}

cmd_env() {
  echo "MARKETFLOW_PG_URL=jdbc:postgresql://127.0.0.1:$PORT/$DB_NAME"
  echo "MARKETFLOW_PG_USER=$DB_USER"
  echo "MARKETFLOW_PG_PASSWORD=$DB_PASSWORD"
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
