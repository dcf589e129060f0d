#!/usr/bin/env bash
# A throw-away PostgreSQL + PostGIS server on loopback for the database tests and benchmarks (no Docker).
#   scripts/postgres.sh start DIR   creates a cluster in DIR (must not exist), starts it, creates the
#                                   database 'geo' with PostGIS, and prints its connection string
#   scripts/postgres.sh stop DIR    stops it and deletes DIR
#   scripts/postgres.sh pause DIR   stops it (fast shutdown: open connections are cut) and keeps DIR
#   scripts/postgres.sh resume DIR  starts a paused server again on the same port (the fault tests)
# Needs Debian's postgresql-15 and postgresql-15-postgis-3. As root, the server runs as 'postgres'.
set -euo pipefail
action=${1:?usage: postgres.sh start|stop|pause|resume DIR} dir=${2:?usage: postgres.sh start|stop|pause|resume DIR}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -x "$bin/initdb" ] || { echo "postgres.sh: PostgreSQL server binaries not found under /usr/lib/postgresql" >&2; exit 1; }
as_server() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi; }
run_server() {
  as_server "'$bin/pg_ctl' -D '$dir/data' -w -l '$dir/log' -o \"-p $1 -k '$dir' -c listen_addresses=127.0.0.1 \
    -c shared_buffers=512MB -c work_mem=64MB -c maintenance_work_mem=512MB -c max_wal_size=4GB \
    -c fsync=off -c synchronous_commit=off -c full_page_writes=off\" start" >/dev/null
}

case $action in
start)
  [ ! -e "$dir" ] || { echo "postgres.sh: $dir already exists" >&2; exit 1; }
  mkdir -p "$dir"
  [ "$(id -u)" != 0 ] || chown postgres "$dir"
  port=$((40000 + RANDOM % 20000))
  as_server "'$bin/initdb' -D '$dir/data' -A trust -U geo --encoding=UTF8 --locale=C" >/dev/null
  run_server "$port"
  as_server "'$bin/psql' -h 127.0.0.1 -p $port -U geo -d postgres -qAt -c 'create database geo'" >/dev/null
  as_server "'$bin/psql' -h 127.0.0.1 -p $port -U geo -d geo -qAt -c 'create extension postgis'" >/dev/null
  echo "$port" >"$dir/port"
  echo "Host=127.0.0.1;Port=$port;Username=geo;Database=geo"
  ;;
stop)
  [ -d "$dir/data" ] || exit 0
  as_server "'$bin/pg_ctl' -D '$dir/data' -m fast stop" >/dev/null || true
  rm -rf "$dir"
  ;;
pause)
  [ -f "$dir/port" ] || { echo "postgres.sh: no server in $dir" >&2; exit 1; }
  as_server "'$bin/pg_ctl' -D '$dir/data' -m fast -w stop" >/dev/null
  ;;
resume)
  [ -f "$dir/port" ] || { echo "postgres.sh: no server in $dir" >&2; exit 1; }
  run_server "$(cat "$dir/port")"
  ;;
*)
  echo "usage: postgres.sh start|stop|pause|resume DIR" >&2; exit 2 ;;
esac
