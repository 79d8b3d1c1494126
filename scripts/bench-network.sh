#!/usr/bin/env bash
# Benchmark of the network's dashboard (issue 8: p95 under 200 ms on 10,000 organisations ×
# 3 campaigns × ~100 indicators, SQLite and PostgreSQL), with /healthz as the baseline of the
# same run. Data from `cap generate --network`; the scores are built before serving.
# Measures (1) the first, uncached view of each region (one request each: the cost of computing
# the figures), and (2) a steady load on the national and a regional view with oha (the figures
# are kept while no campaign's scores change). 127.0.0.1 only; stops by itself.
#   usage: scripts/bench-network.sh [sqlite|postgres] [organisations=10000] [campaigns=3] [seconds=10] [connections=64]
set -euo pipefail
cd "$(dirname "$0")/.."
ENGINE="${1:-sqlite}"; ORGS="${2:-10000}"; CAMPAIGNS="${3:-3}"; SECONDS_PER_RUN="${4:-10}"; CONNECTIONS="${5:-64}"
OHA="${OHA:-$(command -v oha || echo /var/tmp/cargo-tools/bin/oha)}"
[ -x "$OHA" ] || [ -n "${WAIT_FOR_OHA:-}" ] || { echo "oha missing: cargo install oha --locked" >&2; exit 1; }
cargo build --quiet --release --bin cap
target_dir="$(cargo metadata --format-version 1 --no-deps | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')"
CAP="$target_dir/release/cap"
work="$(mktemp -d)"; trap 'kill "${pid:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT
export CAP_LOG=warn CAP_MAIL_OUTBOX="$work/outbox"
if [ "$ENGINE" = postgres ]; then
  PGURL="${PGURL:-postgres://postgres@127.0.0.1:5432}"
  psql "$PGURL/postgres" -qc "DROP DATABASE IF EXISTS cap_bench_network" -c "CREATE DATABASE cap_bench_network" >/dev/null
  export CAP_DATABASE_URL="$PGURL/cap_bench_network"
  sql() { psql "$CAP_DATABASE_URL" -qAtc "$1"; }
else
  export CAP_DATABASE_URL="sqlite://$work/cap.db"
  sql() { python3 -c 'import sqlite3,sys; db=sqlite3.connect(sys.argv[1]); [print("|".join(map(str,r))) for r in db.execute(sys.argv[2])]; db.commit()' "$work/cap.db" "$1"; }
fi
port=18688; base="http://127.0.0.1:$port"; export CAP_PUBLIC_URL="$base"

echo "generating $ORGS organisations × $CAMPAIGNS campaigns ($ENGINE):"
"$CAP" generate --organisations 1 >/dev/null 2>&1   # one organisation with people: its coordinator signs in
"$CAP" generate --organisations "$ORGS" --network "$CAMPAIGNS" 2>/dev/null | tail -n 1
# That coordinator becomes a federation administrator, to read every view.
email="$(sql "SELECT email FROM users ORDER BY id LIMIT 1")"
sql "INSERT INTO memberships (user_id, role, scope_key, created_at) SELECT id, 'federation_admin', 'federation', 0 FROM users WHERE email = '$email'" >/dev/null
echo "rows: $(sql "SELECT COUNT(*) FROM consolidated_answers") shared answers, $(sql "SELECT COUNT(*) FROM network_scores") scores"

"$CAP" serve --addr "127.0.0.1:$port" >"$work/server.log" 2>&1 & pid=$!
for _ in $(seq 1 120); do curl -fs "$base/healthz" >/dev/null && break; sleep 0.5; done
curl -fs -c "$work/jar" -o /dev/null -d "email=$email&password=cap-demo-2026" "$base/sign-in"
cookie="$(awk '$6=="cap_session"{print "cap_session="$7}' "$work/jar")"

echo; echo "first, uncached view of each region and of the nation (ms):"
times=()
for region in $(sql "SELECT id FROM regions ORDER BY id") ""; do
  t="$(curl -fs -o /dev/null -w '%{time_total}' -b "$work/jar" "$base/network?region=$region")"
  times+=("$t")
done
python3 - "${times[@]}" <<'PY'
import statistics, sys
ms = sorted(float(t) * 1000 for t in sys.argv[1:])
p95 = ms[min(len(ms) - 1, round(0.95 * (len(ms) - 1)))]
print(f"  {len(ms)} views: median {statistics.median(ms):.0f} ms, p95 {p95:.0f} ms, max {ms[-1]:.0f} ms")
PY

cat > "$work/row.py" <<'PY'
import json, sys
d = json.load(open(sys.argv[1])); s, p = d["summary"], d["latencyPercentiles"]; c = d.get("statusCodeDistribution", {})
print(f"| {sys.argv[2]} | {s['requestsPerSec']:.0f} | {p['p50']*1000:.2f} | {p['p95']*1000:.2f} | {p['p99']*1000:.2f} | {sum(v for k, v in c.items() if k.startswith('2'))}/{sum(c.values())} |")
PY
while [ ! -x "$OHA" ]; do sleep 5; done   # WAIT_FOR_OHA: oha is being installed meanwhile
run() { "$OHA" -z "${SECONDS_PER_RUN}s" -c "$CONNECTIONS" --no-tui --output-format json ${3:+-H "Cookie: $3"} "$base$2" > "$work/$1.json"; python3 "$work/row.py" "$work/$1.json" "$2"; }
region="$(sql "SELECT region_id FROM organisations GROUP BY region_id ORDER BY COUNT(*) DESC LIMIT 1")"
echo; echo "| endpoint | requests/s | p50 (ms) | p95 (ms) | p99 (ms) | 2xx/total |"; echo "|---|---|---|---|---|---|"
run healthz /healthz
run national "/network" "$cookie"
run region "/network?region=$region" "$cookie"
echo "resident memory peak: $(awk '/VmHWM/{print int($2/1024)}' "/proc/$pid/status") MB"
echo "machine: $(nproc) cores; $CONNECTIONS connections; ${SECONDS_PER_RUN}s each; $ENGINE"
