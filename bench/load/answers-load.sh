#!/usr/bin/env bash
# The level endpoint's answer sizes and speeds by Content-Encoding (issue 13.1-13.2): England's 33,755 neighbourhoods
# (`/api/indicators/income-deprivation/levels/neighbourhood`) plain, gzip and br, its compact form (format=columns) plain
# and br, and the children endpoint of a system (the latency target: p99 <= 5 ms, >= 30,000 requests/s at 32
# connections). Starts `geo serve` (Release) on full England on 127.0.0.1 and, with PEER_DLL set (another build's
# geo.dll, e.g. the parent commit's built in a temporary clone), a second server from it at the same time; waits for both
# to answer and to finish their tile bands, then runs wrk (2 threads, CONNECTIONS connections, SECONDS seconds) RUNS
# times per URL, ours and the peer's alternately, so both see the same machine (wrk's timeout raised to 30 s, so that
# slow answers are timed rather than dropped). Prints each run and the medians.
# Loopback only; bounded in time; installs nothing.
# usage: [PEER_DLL=.../geo.dll] bench/load/answers-load.sh [ENGLAND_DIR] [SECONDS] [CONNECTIONS] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/../.."
england=${1:-../shared/data/england}
seconds=${2:-10}
connections=${3:-32}
runs=${4:-5}
indicator=income-deprivation
system=E54000050   # North East and North Cumbria: 4 ICPs

command -v wrk >/dev/null || { echo "wrk not found: apt-get update && apt-get install -y wrk" >&2; exit 1; }
dotnet build -c Release src/Geo.Cli -v quiet -nologo >/dev/null
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }

declare -A base log pid
start() { # name dll
  local port; port=$(free_port)
  base[$1]="http://127.0.0.1:$port"
  log[$1]=$(mktemp)
  dotnet "$2" serve --dataset data/england.dataset.json --data-root "$england" --urls "${base[$1]}" >"${log[$1]}" 2>&1 &
  pid[$1]=$!
}
builds=(ours)
start ours src/Geo.Cli/bin/Release/net10.0/geo.dll
if [ -n "${PEER_DLL:-}" ]; then
  builds+=(peer)
  start peer "$PEER_DLL"
fi
cleanup() {
  for b in "${builds[@]}"; do kill "${pid[$b]}" 2>/dev/null || true; wait "${pid[$b]}" 2>/dev/null || true; rm -f "${log[$b]}"; done
}
trap cleanup EXIT

for b in "${builds[@]}"; do
  for _ in $(seq 1500); do
    grep -q "Tile bands of every level ready" "${log[$b]}" && break
    kill -0 "${pid[$b]}" 2>/dev/null || { cat "${log[$b]}" >&2; exit 1; }
    sleep 0.2
  done
  grep -q "Tile bands of every level ready" "${log[$b]}" || { echo "$b: not ready within 300 s" >&2; exit 1; }
  echo "$b ready: ${base[$b]} (pid ${pid[$b]})"
done

level="/api/indicators/$indicator/levels/neighbourhood"
# name|path|Accept-Encoding ('' for none)|builds
cases=(
  "level identity|$level||all"
  "level gzip|$level|gzip|all"
  "level br|$level|br|all"
  "compact identity|$level?format=columns||ours"
  "compact br|$level?format=columns|br|ours"
  "children of $system|/api/indicators/$indicator/areas/$system/children||all"
)

echo "== sizes and first requests (curl)"
for c in "${cases[@]}"; do
  IFS='|' read -r name path coding which <<<"$c"
  for b in "${builds[@]}"; do
    [ "$which" = all ] || [ "$b" = ours ] || continue
    first=$(curl -s -o /dev/null -H "Accept-Encoding: ${coding:-identity}" -w '%{http_code} %{size_download} %{time_total}' "${base[$b]}$path")
    echo "size $b | $name | status bytes seconds: $first"
  done
done

results=$(mktemp)
echo "== wrk: $runs runs of ${seconds} s at $connections connections, alternating; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
for c in "${cases[@]}"; do
  IFS='|' read -r name path coding which <<<"$c"
  header=()
  [ -z "$coding" ] || header=(-H "Accept-Encoding: $coding")
  for run in $(seq "$runs"); do
    for b in "${builds[@]}"; do
      [ "$which" = all ] || [ "$b" = ours ] || continue
      out=$(wrk -t2 -c"$connections" -d"${seconds}s" --timeout 30s --latency "${header[@]}" -s bench/load/percentiles.lua "${base[$b]}$path")
      rps=$(sed -n 's/^requests .* rps \([0-9.]*\).*/\1/p' <<<"$out")
      p50=$(sed -n 's/^latency_ms p50 \([0-9.]*\).*/\1/p' <<<"$out")
      p99=$(sed -n 's/^latency_ms .* p99 \([0-9.]*\).*/\1/p' <<<"$out")
      bad=$(sed -n 's/^requests .* errors \([0-9]*\) non2xx \([0-9]*\).*/\1+\2/p' <<<"$out")
      printf '%s|%s|%s|%s|%s|%s|%s\n' "$name" "$b" "$run" "$rps" "$p50" "$p99" "$bad" | tee -a "$results"
    done
  done
done

echo "== medians (requests/s, p50 ms, p99 ms) per case and build; load average now: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$results" <<'PY'
import statistics, sys, collections
runs = collections.defaultdict(list)
for line in open(sys.argv[1]):
    name, build, _, rps, p50, p99, _ = line.rstrip('\n').split('|')
    runs[(name, build)].append((float(rps), float(p50), float(p99)))
for (name, build), values in runs.items():
    med = [statistics.median(v[i] for v in values) for i in range(3)]
    print(f"{name:28} {build:5} {med[0]:10.1f} req/s  p50 {med[1]:9.2f} ms  p99 {med[2]:9.2f} ms  ({len(values)} runs)")
PY
rm -f "$results"
for b in "${builds[@]}"; do echo "$b peak RSS: $(grep VmHWM "/proc/${pid[$b]}/status" | tr -s ' ')"; done
