#!/usr/bin/env bash
# Server start: how long `geo serve` (Release) takes from launch to its first answer (GET /api/health, 200) on England,
# from a snapshot (`geo snapshot`, made first if missing) and from the raw files, RUNS times each, alternating so both
# see the same machine. Prints each run and the medians. GEO_DLL runs another build.
# usage: bench/serve-start-england.sh [ENGLAND_DIR] [RUNS] [SNAPSHOT]
set -euo pipefail
cd "$(dirname "$0")/.."
england=${1:-../shared/data/england}
runs=${2:-5}
snapshot=${3:-/tmp/geo-england.snapshot}
port=${PORT:-5097}
if [ -z "${GEO_DLL:-}" ]; then
  dotnet build -c Release src/Geo.Cli -v quiet -nologo >/dev/null
  GEO_DLL=src/Geo.Cli/bin/Release/net10.0/geo.dll
fi
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
if ! dotnet "$GEO_DLL" check --snapshot "$snapshot" >/dev/null 2>&1; then
  dotnet "$GEO_DLL" snapshot --dataset data/england.dataset.json --data-root "$england" --out "$snapshot"
fi

# seconds from launch to the first 200 from /api/health; the server is stopped after
start() {
  local began pid now
  began=$(date +%s.%N)
  dotnet "$GEO_DLL" serve "$@" --urls "http://127.0.0.1:$port" >/dev/null 2>&1 &
  pid=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$port/api/health"; do
    kill -0 "$pid" 2>/dev/null || { echo "server exited" >&2; return 1; }
    sleep 0.02
  done
  now=$(date +%s.%N)
  kill "$pid"; wait "$pid" 2>/dev/null || true
  awk "BEGIN {printf \"%.2f\", $now - $began}"
}

snap=(); files=()
for _ in $(seq "$runs"); do
  s=$(start --snapshot "$snapshot"); snap+=("$s")
  f=$(start --dataset data/england.dataset.json --data-root "$england"); files+=("$f")
  echo "first answer: from the snapshot $s s, from the files $f s (load average $(cut -d' ' -f1 /proc/loadavg))"
done
m_snap=$(printf '%s\n' "${snap[@]}" | median); m_files=$(printf '%s\n' "${files[@]}" | median)
echo "median: from the snapshot ${m_snap} s, from the files ${m_files} s; ratio $(awk "BEGIN {printf \"%.1f\", $m_files / $m_snap}")x"
