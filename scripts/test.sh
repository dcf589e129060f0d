#!/usr/bin/env bash
# Runs exactly what CI runs after it has installed the system packages (.ci/run): format check,
# build, every test, the benchmarks' smoke mode, a 30 s soak of the API (bench/load/soak.sh), and a check that the tree
# is still clean.
# Tests that need ../shared/data skip with a message when it is absent.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

results=artifacts/test-results
rm -rf "$results"

step() { printf '\n== %s\n' "$*"; }

step "restore"
dotnet restore Geo.sln

step "format check"
dotnet format whitespace Geo.sln --verify-no-changes --no-restore

step "build (Release, warnings are errors)"
dotnet build Geo.sln -c Release --no-restore

step "tests"
status=0
dotnet test Geo.sln -c Release --no-build --results-directory "$results" \
  --logger "trx" --logger "console;verbosity=normal" || status=$?

# One plain closing line over all test projects, read from the TRX files.
passed=0 failed=0 skipped=0
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  get() { printf '%s' "$counters" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"; }
  p=$(get passed); f=$(get failed); t=$(get total); e=$(get executed)
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0})); skipped=$((skipped + ${t:-0} - ${e:-0}))
done
if [ "$status" -ne 0 ]; then
  echo "tests: $passed passed, $((failed > 0 ? failed : 1)) failed, $skipped skipped"
  exit "$status"
fi

step "benchmarks (smoke mode)"
dotnet run -c Release --no-build --project bench/Geo.Benchmarks -- --smoke

step "soak (30 s of mixed load on the served API: no errors)"
# England when ../shared/data/england is there, else the embedded demo; about 60-90 s with the server's start.
england=${GEO_SHARED_DIR:-../shared}/data/england
if [ -d "$england" ]; then soak_source=$england; else soak_source=--demo; fi
SOAK_BUILD=0 bash bench/load/soak.sh "$soak_source" 30

step "tree is clean"
if [ -n "$(git status --porcelain 2>/dev/null)" ]; then
  git status --porcelain
  echo "the build or tests changed tracked files or left untracked ones (see above)" >&2
  exit 1
fi

echo "tests: $passed passed, $failed failed, $skipped skipped"
