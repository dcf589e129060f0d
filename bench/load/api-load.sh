#!/usr/bin/env bash
# HTTP API load test: starts `geo serve` (Release) on full England on 127.0.0.1 with a free port,
# waits for /api/health, then runs wrk (Debian's: apt-get update && apt-get install -y wrk) at
# CONNECTIONS connections for SECONDS seconds against the children endpoint of a system and of a
# place, and a cached vector tile, reports requests/s and p50/p95/p99 latency, samples the server's
# peak RSS (VmHWM) and stops it.
# With GEO_CONNECTION set (an Npgsql connection string of a database filled by `geo load`), the server
# answers from PostgreSQL + PostGIS instead of the files. A fourth run asks for random zoom-14
# neighbourhood tiles over England (167,000 of them), most missing the tile cache: cut by PostGIS with
# GEO_CONNECTION, in process without it.
# Loopback only; bounded in time. Installs nothing.
# usage: [GEO_CONNECTION=...] bench/load/api-load.sh [ENGLAND_DIR] [SECONDS] [CONNECTIONS]
set -euo pipefail
cd "$(dirname "$0")/../.."
england=${1:-../shared/data/england}
seconds=${2:-20}
connections=${3:-32}
indicator=income-deprivation
system=E54000050   # North East and North Cumbria: 4 ICPs
place=E08000035    # Leeds: 488 neighbourhoods

command -v wrk >/dev/null || { echo "wrk not found: apt-get update && apt-get install -y wrk" >&2; exit 1; }
dotnet build -c Release src/Geo.Cli -v quiet -nologo >/dev/null
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
base="http://127.0.0.1:$port"
log=$(mktemp)
if [ -n "${GEO_CONNECTION:-}" ]; then
  source_args=(--connection "$GEO_CONNECTION")
else
  source_args=(--dataset data/england.dataset.json --data-root "$england")
fi
dotnet src/Geo.Cli/bin/Release/net10.0/geo.dll serve "${source_args[@]}" --urls "$base" >"$log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -f "$log"' EXIT

started=$(date +%s.%N)
for _ in $(seq 600); do
  curl -sf "$base/api/health" >/dev/null && break
  kill -0 "$server" 2>/dev/null || { cat "$log" >&2; exit 1; }
  sleep 0.2
done
curl -sf "$base/api/health" >/dev/null || { echo "server did not answer within 120 s" >&2; exit 1; }
if [ -z "${GEO_CONNECTION:-}" ]; then
  # From files the server simplifies every tile band in the background after start: wait, so that the
  # runs below do not share the cores with it (from PostGIS the bands were simplified by geo load).
  for _ in $(seq 900); do grep -q "Tile bands of every level ready" "$log" && break; sleep 0.2; done
fi
printf 'server ready in %.1f s (pid %d, %s)\n' "$(echo "$(date +%s.%N) - $started" | bc)" "$server" "$base"

tile="$base/tiles/neighbourhood/10/508/324.mvt"   # Middlesbrough
for url in "$base/api/indicators/$indicator/areas/$system/children" \
           "$base/api/indicators/$indicator/areas/$place/children" "$tile"; do
  # The first request publishes the indicator-period (or cuts the tile) and fills the cache.
  first=$(curl -s -o /dev/null -w '%{time_total} %{size_download}' "$url")
  echo "== GET ${url#"$base"}"
  echo "first request: ${first% *} s, ${first#* } bytes"
  wrk -t2 -c"$connections" -d"${seconds}s" --latency -s bench/load/percentiles.lua "$url" | grep -E '^(requests|latency_ms)'
done

echo "== GET random /tiles/neighbourhood/14/x/y.mvt (mostly uncached)"
wrk -t2 -c"$connections" -d"${seconds}s" --latency -s bench/load/random-tiles.lua "$base" | grep -E '^(requests|latency_ms)'

grep -E 'VmHWM|VmRSS' "/proc/$server/status"
