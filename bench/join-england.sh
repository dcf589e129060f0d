#!/usr/bin/env bash
# Point join as a whole process: `geo join` (Release) of POINTS random points over England's bounding box
# (../shared/bench/make_points.py, seed 42) to the 33,755 LSOA 2021 polygons of data/england.dataset.json:
# process start, load, point index, read, join, write. RUNS times; then, unless PEER=0, the GeoPandas peer as a
# whole process too (/usr/bin/python3 ../shared/bench/geopandas_join.py: start, read polygons and points, sjoin,
# write), RUNS times, back to back on the same machine. GEO_DLL runs another build (e.g. an older commit's).
# SNAPSHOT=F joins from that snapshot (`geo snapshot`, made first if missing or refused) and, in the same rounds,
# alternating, from the files too (FILES=0 leaves those out), so both see the same machine.
# usage: bench/join-england.sh [ENGLAND_DIR] [RUNS] [POINTS]
set -euo pipefail
cd "$(dirname "$0")/.."
england=${1:-../shared/data/england}
runs=${2:-5}
n=${3:-1000000}
points=/tmp/geo-join-points-$n.csv
[ -s "$points" ] || python3 ../shared/bench/make_points.py "$n" "$points" >/dev/null
if [ -z "${GEO_DLL:-}" ]; then
  dotnet build -c Release src/Geo.Cli -v quiet -nologo >/dev/null
  GEO_DLL=src/Geo.Cli/bin/Release/net10.0/geo.dll
fi
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
timed=$(mktemp)

# one run: the arguments say where the polygons come from; prints seconds, and a line about the run
join_once() {
  /usr/bin/time -f '%e %M %U %S' -o "$timed" dotnet "$GEO_DLL" join "$@" \
    --points "$points" --lon lon --lat lat --out /tmp/geo-join-out.csv 2>/tmp/geo-join-log.txt >/dev/null
  read -r s kb user sys <"$timed"
  echo "$s"
  echo "geo join ($1): $s s, cpu $(awk "BEGIN {print $user + $sys}") s, peak $((kb / 1024)) MB; $(tail -1 /tmp/geo-join-log.txt | sed 's/^\[[^]]*\] //')" >&2
}
from_files=(--dataset data/england.dataset.json --data-root "$england")
if [ -n "${SNAPSHOT:-}" ] && ! dotnet "$GEO_DLL" check --snapshot "$SNAPSHOT" >/dev/null 2>&1; then
  dotnet "$GEO_DLL" snapshot "${from_files[@]}" --out "$SNAPSHOT"
fi

ours=(); files=()
for _ in $(seq "$runs"); do
  if [ -n "${SNAPSHOT:-}" ]; then
    ours+=("$(join_once --snapshot "$SNAPSHOT")")
    [ "${FILES:-1}" = 0 ] || files+=("$(join_once "${from_files[@]}")")
  else
    ours+=("$(join_once "${from_files[@]}")")
  fi
  echo "load average $(cut -d' ' -f1 /proc/loadavg)"
done
[ "${#files[@]}" = 0 ] || echo "median: geo join from the files $(printf '%s\n' "${files[@]}" | median) s"
m_ours=$(printf '%s\n' "${ours[@]}" | median)
echo "median: geo join ${m_ours} s"

if [ "${PEER:-1}" != 0 ]; then
  theirs=()
  for _ in $(seq "$runs"); do
    line=$(/usr/bin/time -f '%e %M' -o "$timed" /usr/bin/python3 ../shared/bench/geopandas_join.py \
      "$england/boundaries/lsoa21_bsc_epsg4326.geojson" LSOA21CD "$points" /tmp/geo-join-gp.csv)
    read -r s kb <"$timed"
    theirs+=("$s")
    echo "geopandas whole process: $s s, peak $((kb / 1024)) MB; $line"
  done
  m_theirs=$(printf '%s\n' "${theirs[@]}" | median)
  echo "median: geo join ${m_ours} s; geopandas ${m_theirs} s; ratio $(awk "BEGIN {printf \"%.1f\", $m_theirs / $m_ours}")x"
fi
rm -f "$timed"
