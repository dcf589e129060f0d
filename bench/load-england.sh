#!/usr/bin/env bash
# Load benchmark: full England from the raw files, `geo check` (Release) RUNS times, then the
# GeoPandas peer (bench/peers/geopandas_load.py) RUNS times, back to back on the same machine. PEER=0 leaves the
# peer out; GEO_DLL runs another build (e.g. an older commit's, for a before/after in one session).
# usage: bench/load-england.sh [ENGLAND_DIR] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
england=${1:-../shared/data/england}
runs=${2:-5}

if [ -z "${GEO_DLL:-}" ]; then
  dotnet build -c Release src/Geo.Cli -v quiet -nologo >/dev/null
  GEO_DLL=src/Geo.Cli/bin/Release/net10.0/geo.dll
fi
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

ours=(); mem=()
for _ in $(seq "$runs"); do
  line=$(dotnet "$GEO_DLL" check --json \
    --dataset data/england.dataset.json --data-root "$england" 2>/dev/null \
    | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["elapsedSeconds"], d["peakMemoryMb"])')
  ours+=("${line% *}"); mem+=("${line#* }")
  echo "geo check: ${line% *} s, peak ${line#* } MB"
done

m_ours=$(printf '%s\n' "${ours[@]}" | median); m_mem=$(printf '%s\n' "${mem[@]}" | median)
echo "median: geo check ${m_ours} s (peak ${m_mem} MB)"
[ "${PEER:-1}" != 0 ] || exit 0

theirs=(); theirs_mem=()
for _ in $(seq "$runs"); do
  line=$(/usr/bin/python3 bench/peers/geopandas_load.py "$england")
  echo "$line"
  theirs+=("$(sed -n 's/.* in \([0-9.]*\) s.*/\1/p' <<<"$line")")
  theirs_mem+=("$(sed -n 's/.*peak \([0-9]*\) MB.*/\1/p' <<<"$line")")
done

m_theirs=$(printf '%s\n' "${theirs[@]}" | median); m_theirs_mem=$(printf '%s\n' "${theirs_mem[@]}" | median)
echo "median: geo check ${m_ours} s (peak ${m_mem} MB); geopandas ${m_theirs} s (peak ${m_theirs_mem} MB); ratio $(awk "BEGIN {printf \"%.1f\", $m_theirs / $m_ours}")x"
