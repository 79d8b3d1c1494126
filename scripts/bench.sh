#!/usr/bin/env bash
# HTTP benchmark of the foundation: an organisation's home page for a signed-in user, against
# /healthz as the baseline measured in the same run; resident memory idle and under load.
# Targets 127.0.0.1 only; every load stops by itself. Prints a Markdown table.
#   usage: scripts/bench.sh [seconds=10] [connections=64] [rounds=3]
# Each round measures the baseline then the page; the table gives the median of the rounds.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_RUN="${1:-10}"
CONNECTIONS="${2:-64}"
ROUNDS="${3:-3}"
OHA="${OHA:-$(command -v oha || echo /var/tmp/cargo-tools/bin/oha)}"
[ -x "$OHA" ] || { echo "oha not found: cargo install oha --locked (or set OHA=/path/to/oha)" >&2; exit 1; }

cargo build --quiet --release --bin cap
target_dir="$(cargo metadata --format-version 1 --no-deps | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')"
CAP="$target_dir/release/cap"

work="$(mktemp -d)"
port=18181
base="http://127.0.0.1:$port"
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT
(cd "$work" && CAP_LOG=warn CAP_DATABASE_URL="sqlite://$work/cap.db" CAP_MAIL_OUTBOX="$work/outbox" \
  "$CAP" serve --demo --addr "127.0.0.1:$port" >"$work/server.log" 2>&1) &
sleep 0.5
pid="$(pgrep -f "$CAP serve --demo --addr 127.0.0.1:$port" | head -n1)"
for _ in $(seq 1 60); do curl -fs "$base/healthz" >/dev/null && break; sleep 0.5; done

curl -fs -c "$work/jar" -o /dev/null -d "email=referente@demo.cap&password=cap-demo-2026&next=/" "$base/sign-in"
cookie="$(awk '$6=="cap_session"{print "cap_session="$7}' "$work/jar")"
org_path="$(curl -fs -b "$work/jar" "$base/" | grep -o '/organisations/[0-9]*' | head -n1)"
[ -n "$cookie" ] && [ -n "$org_path" ] || { echo "sign-in failed" >&2; exit 1; }

rss_kb() { awk '/VmRSS/{print $2}' "/proc/$pid/status"; }
hwm_kb() { awk '/VmHWM/{print $2}' "/proc/$pid/status"; }
sleep 1
idle_kb="$(rss_kb)"

run() { # name path [cookie]
  local args=(-z "${SECONDS_PER_RUN}s" -c "$CONNECTIONS" --no-tui --output-format json)
  [ -n "${3:-}" ] && args+=(-H "Cookie: $3")
  "$OHA" "${args[@]}" "$base$2" >"$work/$1.json"
  python3 - "$work/$1.json" "$1" "$2" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
s, p = d["summary"], d["latencyPercentiles"]
codes = d.get("statusCodeDistribution", {})
ok = sum(v for k, v in codes.items() if k.startswith("2"))
total = sum(codes.values())
print(f"{sys.argv[2]}|{sys.argv[3]}|{s['requestsPerSec']:.0f}|{p['p50']*1000:.2f}|{p['p99']*1000:.2f}|{ok}/{total}")
PY
}

lines=()
for round in $(seq 1 "$ROUNDS"); do
  lines+=("$(run healthz /healthz)")
  lines+=("$(run home "$org_path" "$cookie")")
done
load_hwm_kb="$(hwm_kb)"

echo "| endpoint | path | requests/s | p50 (ms) | p99 (ms) | 2xx/total (last round) |"
echo "|---|---|---|---|---|---|"
python3 - "${lines[@]}" <<'PY'
import statistics, sys
rows = [l.split("|") for l in sys.argv[1:]]
med = {}
for name in ("healthz", "home"):
    rs = [r for r in rows if r[0] == name]
    rps = statistics.median(float(r[2]) for r in rs)
    p50 = statistics.median(float(r[3]) for r in rs)
    p99 = statistics.median(float(r[4]) for r in rs)
    med[name] = rps
    print(f"| {name} | {rs[-1][1]} | {rps:.0f} | {p50:.2f} | {p99:.2f} | {rs[-1][5]} |")
ratios = [float(h[2]) / float(b[2]) for b, h in zip(rows[0::2], rows[1::2])]
print(f"\nhome/healthz throughput ratio per round: {', '.join(f'{r:.2f}' for r in ratios)}; median {statistics.median(ratios):.2f}")
PY
echo "resident memory: idle $((idle_kb / 1024)) MB, peak under load $((load_hwm_kb / 1024)) MB"
echo "machine: $(nproc) cores, $(awk '/MemTotal/{printf "%.0f GiB", $2/1048576}' /proc/meminfo); connections $CONNECTIONS; ${SECONDS_PER_RUN}s per endpoint and round; $ROUNDS rounds"
