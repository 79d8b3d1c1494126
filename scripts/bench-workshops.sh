#!/usr/bin/env bash
# Benchmark of workshops (issue: 30 rooms × 30 phones × 20 indicators): time from a vote to the
# projector's update, p50 and p99, and errors. 127.0.0.1 only; stops by itself.
#   usage: scripts/bench-workshops.sh [rooms=30] [phones=30] [indicators=20]
set -euo pipefail
cd "$(dirname "$0")/.."
ROOMS="${1:-30}"; PHONES="${2:-30}"; INDICATORS="${3:-20}"
cargo build --quiet --release --bin cap --example bench_workshops
target_dir="$(cargo metadata --format-version 1 --no-deps | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')"
CAP="$target_dir/release/cap"; LOAD="$target_dir/release/examples/bench_workshops"
work="$(mktemp -d)"; trap 'kill "${pid:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT
export CAP_LOG=warn CAP_DATABASE_URL="sqlite://$work/cap.db" CAP_MAIL_OUTBOX="$work/outbox"
port=18787; base="http://127.0.0.1:$port"
"$CAP" generate --organisations "$ROOMS" >/dev/null 2>&1
"$CAP" serve --addr "127.0.0.1:$port" >"$work/server.log" 2>&1 & pid=$!
for _ in $(seq 1 60); do curl -fs "$base/healthz" >/dev/null && break; sleep 0.5; done
result="$("$LOAD" "$base" "$ROOMS" "$PHONES" "$INDICATORS" cap-demo-2026)"
echo "$result"
python3 - "$result" "$ROOMS" "$PHONES" "$INDICATORS" <<'PY'
import json, sys
d = json.loads(sys.argv[1])
print(f"\n| rooms × phones × indicators | votes | vote → projector p50 (ms) | p99 (ms) | errors |")
print("|---|---|---|---|---|")
print(f"| {sys.argv[2]} × {sys.argv[3]} × {sys.argv[4]} | {d['votes']} | {d['p50_ms']:.2f} | {d['p99_ms']:.2f} | {d['errors']} |")
PY
echo "resident memory peak: $(awk '/VmHWM/{print int($2/1024)}' "/proc/$pid/status") MB; machine: $(nproc) cores; SQLite"
