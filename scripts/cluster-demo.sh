#!/usr/bin/env bash
# A throwaway loopback cluster (DESIGN.md §8): PostgreSQL as the coordinator, SeaweedFS as
# the S3 store of the OCFL storage root, two `sohoa worker` processes and the `sohoa indexer`,
# sharing one archive directory (index, audit log, staging) and the storage root in S3.
#
#   bash scripts/cluster-demo.sh up      # installs what is missing, builds, starts, waits
#                                        # until everything answers; its last lines are
#                                        # `export NAME=value` lines: eval them, then
#                                        # `sohoa ingest BOX --cluster`, list, show, search,
#                                        # verify need no other flag
#   bash scripts/cluster-demo.sh down    # stops everything (SIGKILL what does not stop in time)
#
# SOHOA_BIN=path uses that sohoa binary instead of building the release one.
# State lives in $SOHOA_CLUSTER_DIR (default /tmp/sohoa-cluster): pg/ (data, socket, log),
# s3/ (the SeaweedFS nodes: scripts/seaweedfs-cluster.sh, 3 masters, 3 volume servers with
# -defaultReplication=010, a filer with S3), archive/ (the archive directory every process
# shares; its storage root is s3://sohoa/ocfl), logs/, pids/. PostgreSQL runs as the
# `postgres` user (initdb refuses root) on a free loopback port. SeaweedFS takes new free
# ports at every start, and an archive records its endpoint: after `down`, rm -rf the
# directory before the next `up`.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
DIR=${SOHOA_CLUSTER_DIR:-/tmp/sohoa-cluster}
STOP_WAIT=${SOHOA_CLUSTER_STOP_WAIT:-15}   # seconds before SIGKILL

pg_bin() {
  local b
  b=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -n "$b" ] && [ -x "$b/initdb" ] || { echo "PostgreSQL server programs not found" >&2; return 1; }
  echo "$b"
}

as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# Stops the process whose pid is in file $1: SIGTERM, then SIGKILL after $STOP_WAIT s.
stop_pid() {
  local file=$1 pid
  [ -f "$file" ] || return 0
  pid=$(head -n 1 "$file")
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq $((STOP_WAIT * 10))); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
    if kill -0 "$pid" 2>/dev/null; then
      echo "$(basename "$file" .pid) did not stop in ${STOP_WAIT}s: SIGKILL" >&2
      kill -KILL "$pid" 2>/dev/null || true
    fi
  fi
  rm -f "$file"
}

down() {
  for f in "$DIR"/pids/*.pid; do
    [ -e "$f" ] && stop_pid "$f"
  done
  if [ -f "$DIR/pg/data/postmaster.pid" ]; then
    local bin
    bin=$(pg_bin)
    if ! as_postgres "$bin/pg_ctl" -D "$DIR/pg/data" stop -m fast -w -t "$STOP_WAIT" >/dev/null 2>&1; then
      echo "PostgreSQL did not stop in ${STOP_WAIT}s: SIGKILL" >&2
      kill -KILL "$(head -n 1 "$DIR/pg/data/postmaster.pid")" 2>/dev/null || true
    fi
  fi
  if [ -d "$DIR/s3" ]; then
    bash "$ROOT/scripts/seaweedfs-cluster.sh" down "$DIR/s3"
  fi
  echo "cluster stopped ($DIR kept; rm -rf it to start afresh)" >&2
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

up() {
  bash "$ROOT/scripts/install-deps.sh" >&2
  # shellcheck disable=SC1091
  [ -f "$HOME/.cargo/env" ] && . "$HOME/.cargo/env"
  # SOHOA_BIN: a sohoa binary already built; else the release build.
  local sohoa=${SOHOA_BIN:-}
  if [ -z "$sohoa" ]; then
    (cd "$ROOT" && cargo build --release --bin sohoa >&2)
    sohoa="${CARGO_TARGET_DIR:-$ROOT/target}/release/sohoa"
  fi
  # SeaweedFS: kept when every node still runs, else (re)started; its exports name the
  # endpoint, bucket, region and key of the storage root.
  local alive=1 f
  if [ -f "$DIR/s3/env" ] && compgen -G "$DIR/s3/*.pid" >/dev/null; then
    for f in "$DIR"/s3/*.pid; do kill -0 "$(cat "$f")" 2>/dev/null || alive=0; done
  else
    alive=0
  fi
  if [ "$alive" -eq 0 ] && [ -f "$DIR/archive/storage.json" ]; then
    echo "$DIR/archive was made on a SeaweedFS cluster that is stopped (a new one takes new" \
      "ports): run down, rm -rf $DIR, then up" >&2
    exit 1
  fi
  local bin port url
  bin=$(pg_bin)
  mkdir -p "$DIR"/{pg,logs,pids,archive}
  chmod 755 "$DIR" "$DIR/pg"
  if [ ! -f "$DIR/pg/data/PG_VERSION" ]; then
    mkdir -p "$DIR/pg/data" "$DIR/pg/sock"
    [ "$(id -u)" -eq 0 ] && chown -R postgres:postgres "$DIR/pg"
    as_postgres "$bin/initdb" -A trust -U postgres -E UTF8 --locale=C -D "$DIR/pg/data" >"$DIR/logs/initdb.log"
  fi
  if [ -f "$DIR/pg/data/postmaster.pid" ] && as_postgres "$bin/pg_ctl" -D "$DIR/pg/data" status >/dev/null 2>&1; then
    port=$(sed -n 4p "$DIR/pg/data/postmaster.pid")
  else
    port=$(free_port)
    as_postgres "$bin/pg_ctl" -D "$DIR/pg/data" -l "$DIR/pg/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $DIR/pg/sock" start >&2
  fi
  url="postgresql://postgres@127.0.0.1:$port/postgres"
  until "$bin/pg_isready" -h 127.0.0.1 -p "$port" -q; do sleep 0.2; done

  if [ "$alive" -eq 0 ]; then
    bash "$ROOT/scripts/seaweedfs-cluster.sh" down "$DIR/s3"
    bash "$ROOT/scripts/seaweedfs-cluster.sh" up "$DIR/s3" >/dev/null
  fi
  # shellcheck disable=SC1091
  . "$DIR/s3/env"
  export SOHOA_S3_PREFIX=ocfl

  export SOHOA_DATABASE_URL=$url SOHOA_ARCHIVE=$DIR/archive
  for w in worker-1 worker-2; do
    if ! { [ -f "$DIR/pids/$w.pid" ] && kill -0 "$(cat "$DIR/pids/$w.pid")" 2>/dev/null; }; then
      nohup "$sohoa" -v worker --name "$w" >"$DIR/logs/$w.log" 2>&1 &
      echo $! >"$DIR/pids/$w.pid"
    fi
  done
  if ! { [ -f "$DIR/pids/indexer.pid" ] && kill -0 "$(cat "$DIR/pids/indexer.pid")" 2>/dev/null; }; then
    nohup "$sohoa" -v indexer >"$DIR/logs/indexer.log" 2>&1 &
    echo $! >"$DIR/pids/indexer.pid"
  fi
  # Everything answers: the database (the workers migrated its schema) and each process.
  for _ in $(seq 300); do
    if psql "$url" -Atqc "SELECT count(*) FROM schema_migrations" >/dev/null 2>&1; then break; fi
    sleep 0.2
  done
  psql "$url" -Atqc "SELECT count(*) FROM schema_migrations" >/dev/null
  for p in worker-1 worker-2 indexer; do
    kill -0 "$(cat "$DIR/pids/$p.pid")" 2>/dev/null || { echo "$p exited: see $DIR/logs/$p.log" >&2; exit 1; }
  done
  echo "cluster up: PostgreSQL on 127.0.0.1:$port, SeaweedFS S3 on $SOHOA_S3_ENDPOINT, 2 workers, the indexer; logs in $DIR/logs" >&2
  echo "export SOHOA_DATABASE_URL=$url"
  echo "export SOHOA_ARCHIVE=$DIR/archive"
  cat "$DIR/s3/env"
  echo "export SOHOA_S3_PREFIX=$SOHOA_S3_PREFIX"
  echo "export PATH=$(dirname "$sohoa"):\$PATH"
}

case "${1:-}" in
  up) up ;;
  down) down ;;
  *) echo "usage: $0 up|down" >&2; exit 2 ;;
esac
