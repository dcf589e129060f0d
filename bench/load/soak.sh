#!/usr/bin/env bash
# Bounded soak: starts `geo serve` (Release) on full England (or, with --demo, on the embedded synthetic demo) on
# 127.0.0.1 with a free port, waits for /api/health and for the background tile bands, checks once that every URL of
# the mix answers 200, then runs wrk (Debian's: apt-get install -y wrk) for SECONDS with bench/load/soak.lua: a
# weighted mix of the children of a system and of a place, an area, a level's values, hotspots, a comparison, a trend,
# the same tiles at zooms 5 to 14 and random tiles at zooms 6 to 14. Meanwhile it samples the server's resident memory
# (VmRSS) every 30 s (every 5 s in runs shorter than 4 minutes). Prints requests, errors, p50/p99 and the RSS series.
#
# Fails (exit 1) on any socket error or timeout (wrk's, 5 s), any answer with status >= 400 (the script sends no
# conditional requests, so every other answer is a 2xx), a server that stops, or memory growth: in runs of 4 minutes or
# more, the last RSS sample may be at most 10% above the sample at 2 minutes (the warm-up: caches filling). Shorter runs
# (CI's 30 s) print the series without the memory rule, as they have no warm-up to compare with.
# The server's one log line per request is turned off (Logging:LogLevel:Geo.Requests=Warning): at thousands of requests
# a second it would fill the disk; warnings and errors are still logged and shown on failure.
# Loopback only; bounded in time. Installs nothing.
# usage: bench/load/soak.sh [ENGLAND_DIR | --demo] [SECONDS]      (defaults ../shared/data/england, 600)
#        SOAK_CONNECTIONS (default 32) and SOAK_THREADS (default 2) set wrk's connections and threads; SOAK_BUILD=0 skips
#        the Release build of src/Geo.Cli (scripts/test.sh has just built it).
set -euo pipefail
# All in one function, read whole before it runs: editing this file during a 10-minute run cannot break that run.
main() {
  cd "$(dirname "$0")/../.."
  source_arg=${1:-../shared/data/england}
  seconds=${2:-600}
  connections=${SOAK_CONNECTIONS:-32}
  threads=${SOAK_THREADS:-2}

  if [ "$source_arg" = --demo ]; then
    source_args=()
    indicator=copd-emergency-admissions system=X54000002 system2=X54000001 place=X06000005
  else
    [ -d "$source_arg" ] || { echo "soak: $source_arg is not a folder (the England data; or --demo)" >&2; exit 2; }
    source_args=(--dataset data/england.dataset.json --data-root "$source_arg")
    # North East and North Cumbria (4 ICPs) against Cheshire and Merseyside; Leeds, the largest place (488 neighbourhoods).
    indicator=income-deprivation system=E54000050 system2=E54000008 place=E08000035
  fi
  if [ "$seconds" -ge 240 ]; then interval=30 warmup=120; else interval=5 warmup=0; fi

  command -v wrk >/dev/null || { echo "wrk not found: apt-get update && apt-get install -y wrk" >&2; exit 1; }
  [ "${SOAK_BUILD:-1}" = 0 ] || dotnet build -c Release src/Geo.Cli -v quiet -nologo >/dev/null
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
  base="http://127.0.0.1:$port"
  log=$(mktemp) report=$(mktemp)
  env 'Logging__LogLevel__Geo.Requests=Warning' \
    dotnet src/Geo.Cli/bin/Release/net10.0/geo.dll serve "${source_args[@]}" --urls "$base" >"$log" 2>&1 &
  server=$!
  wrk_pid=
  cleanup() {
    [ -z "$wrk_pid" ] || kill "$wrk_pid" 2>/dev/null || true
    kill "$server" 2>/dev/null || true
    wait "$server" 2>/dev/null || true
    rm -f "$log" "$report"
  }
  trap cleanup EXIT
  fail() { echo "soak: FAIL: $*" >&2; grep -E ' (warn|fail|crit):' "$log" | tail -n 20 >&2 || true; exit 1; }

  started=$(date +%s.%N)
  for _ in $(seq 1500); do
    curl -sf "$base/api/health" >/dev/null && break
    kill -0 "$server" 2>/dev/null || { cat "$log" >&2; exit 1; }
    sleep 0.2
  done
  curl -sf "$base/api/health" >/dev/null || fail "the server did not answer within 5 minutes"
  # The server simplifies every tile band in the background after start: wait, so that the load does not share the
  # cores with it and the memory series starts from a server that is ready.
  for _ in $(seq 1500); do grep -q "Tile bands of every level ready" "$log" && break; sleep 0.2; done
  printf 'server ready in %.1f s (pid %d, %s)\n' "$(echo "$(date +%s.%N) - $started" | bc)" "$server" "$base"

  # The dataset's bounds (west south east north) from its neighbourhood TileJSON, for the random tiles.
  bounds=$(curl -sf "$base/tiles/neighbourhood.json" | python3 -c 'import json, sys; print(*json.load(sys.stdin)["bounds"])') \
    || fail "no bounds from /tiles/neighbourhood.json"
  # Every kind of URL of the mix once (fails early on a wrong code), which also publishes each answer's indicator-period.
  i="/api/indicators/$indicator"
  for path in "$i/areas/$system/children" "$i/areas/$place/children" "/api/areas/$place" "$i/levels/place/values" \
              "$i/areas/$place/hotspots?by=excess&top=20" "/api/compare?indicator=$indicator&areas=$system,$system2" \
              "$i/areas/$place/trend"; do
    status=$(curl -s -o /dev/null -w '%{http_code}' "$base$path") || true
    [ "$status" = 200 ] || fail "GET $path answered $status before the run"
  done

  rss() { awk '/^VmRSS/ { printf "%d", $2 / 1024 }' "/proc/$server/status"; }
  echo "== soak: $seconds s, wrk $threads threads, $connections connections, mixed endpoints and tiles ($indicator; $system, $system2, $place)"
  wrk -t"$threads" -c"$connections" -d"${seconds}s" --timeout 5s --latency -s bench/load/soak.lua "$base" -- \
    "$indicator" "$system" "$system2" "$place" $bounds >"$report" 2>&1 &
  wrk_pid=$!
  t0=$(date +%s)
  times=(0) samples=("$(rss)")
  while kill -0 "$wrk_pid" 2>/dev/null; do
    sleep 1
    kill -0 "$server" 2>/dev/null || fail "the server stopped during the run"
    elapsed=$(($(date +%s) - t0))
    if [ "$elapsed" -ge $((times[-1] + interval)) ] && [ "$elapsed" -le "$seconds" ]; then
      times+=("$elapsed") samples+=("$(rss)")
    fi
  done
  wait "$wrk_pid" || fail "wrk failed: $(cat "$report")"
  wrk_pid=
  end=$(($(date +%s) - t0))
  [ "$end" -le "${times[-1]}" ] || { times+=("$end") samples+=("$(rss)"); }
  kill -0 "$server" 2>/dev/null || fail "the server stopped during the run"

  grep -E '^(requests|latency_ms)' "$report" || fail "no report from wrk: $(cat "$report")"
  line=$(grep -E '^requests' "$report")
  read -r _ requests _ errors _ non2xx _ _ _ rps <<<"$line"
  echo "rss_mb (t in s: MB)$(for k in "${!times[@]}"; do printf ' %s:%s' "${times[$k]}" "${samples[$k]}"; done)"
  grep -E 'VmHWM' "/proc/$server/status" | tr -s ' \t' ' '

  status=0
  if [ "$errors" -ne 0 ] || [ "$non2xx" -ne 0 ]; then
    echo "soak: FAIL: $errors socket errors or timeouts and $non2xx answers with status >= 400 in $requests requests" >&2
    grep -E ' (warn|fail|crit):' "$log" | tail -n 20 >&2 || true
    status=1
  fi
  if [ "$warmup" -gt 0 ]; then
    base_rss=
    for k in "${!times[@]}"; do
      [ "${times[$k]}" -ge "$warmup" ] && { base_rss=${samples[$k]}; base_t=${times[$k]}; break; }
    done
    last=${samples[-1]}
    limit=$((base_rss * 110 / 100))
    if [ "$last" -le "$limit" ]; then
      echo "memory: flat after warm-up (last sample ${last} MB <= 110% of ${base_rss} MB at ${base_t} s)"
    else
      echo "soak: FAIL: memory grew after warm-up: last sample ${last} MB > 110% of ${base_rss} MB at ${base_t} s" >&2
      status=1
    fi
  else
    echo "memory: not judged (a run of $seconds s has no 2-minute warm-up; the rule applies from 240 s)"
  fi
  [ "$status" -ne 0 ] || echo "soak: OK: $requests requests ($rps/s), no errors"
  exit "$status"
}
main "$@"
