#!/usr/bin/env bash
# A throwaway SeaweedFS cluster on loopback, the S3 storage of cluster mode (DESIGN.md §8):
# 3 masters (Raft), 3 volume servers on 3 racks with -defaultReplication=010 (every write
# kept on two racks), and one filer serving S3, all on free ports, with one bucket and one
# access key. Used by the tests (tests/it/common/seaweedfs.rs) and meant for
# scripts/cluster-demo.sh.
#
#   seaweedfs-cluster.sh up DIR [--owner PID]  start everything with its data in DIR, wait until
#                                              it answers (leader elected, 3 volume servers
#                                              registered, S3 answering, bucket made, a first
#                                              write stored), print `export NAME=value` lines
#                                              (also in DIR/env); with --owner, stop and remove
#                                              DIR once process PID is gone
#   seaweedfs-cluster.sh down DIR [--purge]    stop every node: SIGTERM, then SIGKILL what is still
#                                              running after $SEAWEEDFS_STOP_SECONDS (default 3;
#                                              a filer may outlive SIGTERM by minutes); --purge
#                                              also removes DIR
#   seaweedfs-cluster.sh kill DIR NODE         SIGKILL one node (m0 m1 m2 v0 v1 v2 filer)
#   seaweedfs-cluster.sh start DIR NODE        start that node again, as it was started
#
# `weed` is looked for in $SOHOA_TOOLS/bin, ~/.cache/sohoa-tools/venv/bin, then PATH
# (scripts/install-seaweedfs.sh installs it). Bucket: $SOHOA_S3_BUCKET (default `sohoa`).
set -euo pipefail

usage() {
  sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
}

find_weed() {
  local d
  for d in "${SOHOA_TOOLS:+$SOHOA_TOOLS/bin}" "${XDG_CACHE_HOME:-$HOME/.cache}/sohoa-tools/venv/bin"; do
    if [ -n "$d" ] && [ -x "$d/weed" ]; then
      echo "$d/weed"
      return
    fi
  done
  command -v weed || {
    echo "weed (SeaweedFS) not found; run: bash scripts/install-seaweedfs.sh" >&2
    exit 1
  }
}

# N free TCP ports P on 127.0.0.1, one per line, each with P+10000 free as well: SeaweedFS
# finds a node's gRPC port at its HTTP port + 10000 where an address does not say (the
# filer's S3 gateway looks for its filer there).
free_ports() {
  python3 - "$1" <<'EOF'
import random, socket, sys
socks, ports = [], []
while len(ports) < int(sys.argv[1]):
    port = random.randint(20000, 55000)
    pair = []
    try:
        for p in (port, port + 10000):
            s = socket.socket()
            pair.append(s)
            s.bind(("127.0.0.1", p))
    except OSError:
        for s in pair:
            s.close()
        continue
    socks += pair
    ports.append(port)
for p in ports:
    print(p)
EOF
}

# Starts node $2 of cluster $1 from its saved command line.
start_node() {
  local dir=$1 node=$2
  local -a cmd
  mapfile -t cmd <"$dir/$node.cmd"
  # Its own session: not stopped by a Ctrl-C meant for the caller; stopped by `down`.
  setsid "${cmd[@]}" >>"$dir/$node.log" 2>&1 </dev/null &
  echo $! >"$dir/$node.pid"
}

# Saves node $2's command line (the rest of the arguments) and starts it.
launch() {
  local dir=$1 node=$2
  shift 2
  printf '%s\n' "$@" >"$dir/$node.cmd"
  start_node "$dir" "$node"
}

# Whether pid $1 is alive and a SeaweedFS process (a pid file's pid may have been reused).
is_weed() {
  [ -r "/proc/$1/cmdline" ] && tr '\0' ' ' <"/proc/$1/cmdline" | grep -q weed
}

# Polls the command "$@" until it succeeds, for at most $WAIT_SECONDS; fails naming $what.
wait_for() {
  local what=$1
  shift
  local deadline=$((SECONDS + ${WAIT_SECONDS:-90}))
  until "$@" >/dev/null 2>&1; do
    if ((SECONDS >= deadline)); then
      echo "SeaweedFS: $what did not answer within ${WAIT_SECONDS:-90} s (logs in $DIR)" >&2
      return 1
    fi
    sleep 0.2
  done
}

s3() {
  curl -sS -m 10 --aws-sigv4 "aws:amz:$REGION:s3" --user "$ACCESS_KEY:$SECRET_KEY" "$@"
}

up() {
  local weed owner=""
  weed=$(find_weed)
  if [ "${1:-}" = "--owner" ]; then owner=$2; fi
  mkdir -p "$DIR"
  if compgen -G "$DIR/*.pid" >/dev/null; then
    echo "SeaweedFS: $DIR already holds a cluster; run down first" >&2
    exit 1
  fi
  local -a p
  mapfile -t p < <(free_ports 8)
  local m=(0 1 2) masters="" peers=""
  for i in "${m[@]}"; do
    masters+="${masters:+,}127.0.0.1:${p[i]}.$((p[i] + 10000))"
  done
  peers=$masters
  BUCKET=${SOHOA_S3_BUCKET:-sohoa}
  REGION=us-east-1
  ACCESS_KEY=sohoa
  SECRET_KEY=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')
  cat >"$DIR/s3.json" <<EOF
{"identities": [{"name": "sohoa", "credentials": [{"accessKey": "$ACCESS_KEY", "secretKey": "$SECRET_KEY"}],
  "actions": ["Admin", "Read", "Write", "List", "Tagging"]}]}
EOF
  chmod 600 "$DIR/s3.json"
  for i in "${m[@]}"; do
    mkdir -p "$DIR/m$i"
    launch "$DIR" "m$i" "$weed" master -ip=127.0.0.1 -port="${p[i]}" -port.grpc=$((p[i] + 10000)) \
      -mdir="$DIR/m$i" -peers="$peers" -defaultReplication=010 -volumeSizeLimitMB=64 \
      -telemetry=false
  done
  for i in 0 1 2; do
    mkdir -p "$DIR/v$i"
    launch "$DIR" "v$i" "$weed" volume -ip=127.0.0.1 -port="${p[i + 3]}" -port.grpc=$((p[i + 3] + 10000)) \
      -dir="$DIR/v$i" -max=16 -mserver="$masters" -dataCenter=dc1 -rack="rack$i" \
      -preStopSeconds=0
  done
  mkdir -p "$DIR/filer"
  local s3port=${p[7]}
  launch "$DIR" filer "$weed" filer -ip=127.0.0.1 -port="${p[6]}" -port.grpc=$((p[6] + 10000)) \
    -master="$masters" -defaultStoreDir="$DIR/filer" -s3 -s3.port="$s3port" \
    -s3.port.grpc=$((s3port + 10000)) -s3.port.iceberg=0 -s3.port.lance=0 -s3.config="$DIR/s3.json"
  if [ -n "$owner" ]; then
    # Stops and removes the cluster once its owner (a test process) is gone, however it ended.
    setsid bash -c 'while kill -0 "$1" 2>/dev/null; do sleep 1; done; exec "$2" down "$3" --purge' \
      watchdog "$owner" "$(realpath "$0")" "$DIR" >/dev/null 2>&1 </dev/null &
    echo $! >"$DIR/watchdog"
  fi
  local leader="http://127.0.0.1:${p[0]}"
  wait_for "a master leader" bash -c "curl -sf -m 2 $leader/cluster/status | grep -q '\"Leader\"'"
  wait_for "3 volume servers" bash -c \
    "[ \$(curl -sf -m 2 $leader/dir/status | grep -o '\"PublicUrl\"' | wc -l) -ge 3 ]"
  local endpoint="http://127.0.0.1:$s3port"
  wait_for "the S3 gateway" bash -c "[ \$(curl -s -o /dev/null -w '%{http_code}' -m 2 $endpoint/) != 000 ]"
  wait_for "bucket $BUCKET" s3 -f -X PUT "$endpoint/$BUCKET"
  # A first write grows the volumes (on two racks): done here, not in the first test.
  echo ready >"$DIR/ready"
  wait_for "a first write" s3 -f -T "$DIR/ready" "$endpoint/$BUCKET/.sohoa-ready"
  s3 -f -X DELETE "$endpoint/$BUCKET/.sohoa-ready" >/dev/null
  {
    echo "export SOHOA_S3_ENDPOINT=$endpoint"
    echo "export SOHOA_S3_BUCKET=$BUCKET"
    echo "export SOHOA_S3_REGION=$REGION"
    echo "export SOHOA_S3_ACCESS_KEY_ID=$ACCESS_KEY"
    echo "export SOHOA_S3_SECRET_ACCESS_KEY=$SECRET_KEY"
  } >"$DIR/env"
  {
    echo "# SeaweedFS masters: $masters; filer http://127.0.0.1:${p[6]}"
  } >"$DIR/nodes"
  chmod 600 "$DIR/env"
  cat "$DIR/env"
}

down() {
  local purge=${1:-} stop=${SEAWEEDFS_STOP_SECONDS:-3} f pid
  local -a pids=()
  [ -d "$DIR" ] || return 0
  if [ -f "$DIR/watchdog" ]; then
    pid=$(cat "$DIR/watchdog")
    if [ "$pid" != "$$" ]; then kill -KILL "$pid" 2>/dev/null || true; fi
    rm -f "$DIR/watchdog"
  fi
  for f in "$DIR"/*.pid; do
    [ -e "$f" ] || continue
    pid=$(cat "$f")
    if is_weed "$pid"; then
      kill -TERM "$pid" 2>/dev/null || true
      pids+=("$pid")
    fi
    rm -f "$f"
  done
  local deadline=$((SECONDS + stop))
  while ((SECONDS < deadline)); do
    local alive=0
    for pid in "${pids[@]}"; do is_weed "$pid" && alive=1; done
    ((alive)) || break
    sleep 0.1
  done
  for pid in "${pids[@]}"; do
    if is_weed "$pid"; then
      echo "SeaweedFS: pid $pid still running after SIGTERM and $stop s: SIGKILL" >&2
      kill -KILL "$pid" 2>/dev/null || true
    fi
  done
  if [ "$purge" = "--purge" ]; then
    # A killed process may take a moment to go; its files go with the directory.
    for pid in "${pids[@]}"; do
      while [ -e "/proc/$pid" ] && is_weed "$pid"; do sleep 0.05; done
    done
    rm -rf "$DIR"
  fi
}

[ $# -ge 2 ] || usage
cmd=$1
DIR=$2
shift 2
case "$cmd" in
up) up "$@" ;;
down) down "$@" ;;
kill)
  [ $# -eq 1 ] || usage
  pid=$(cat "$DIR/$1.pid")
  if is_weed "$pid"; then kill -KILL "$pid"; fi
  while is_weed "$pid"; do sleep 0.05; done
  rm -f "$DIR/$1.pid"
  ;;
start)
  [ $# -eq 1 ] || usage
  start_node "$DIR" "$1"
  ;;
*) usage ;;
esac
