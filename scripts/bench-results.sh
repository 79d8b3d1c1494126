#!/usr/bin/env bash
# Benchmark of the photographie and the plan, against the aim in issue 6 (photographie p99 at
# most 30 ms at 64 connections), on a database made by `cap generate`, with /healthz as the
# baseline of the same run. The campaign measured has shared answers, a previous campaign to
# compare with, and the whole referential in scope. 127.0.0.1 only; stops by itself.
#   usage: scripts/bench-results.sh [organisations=200] [seconds=10] [connections=64]
set -euo pipefail
cd "$(dirname "$0")/.."
ORGS="${1:-200}"; SECONDS_PER_RUN="${2:-10}"; CONNECTIONS="${3:-64}"
OHA="${OHA:-$(command -v oha || echo /var/tmp/cargo-tools/bin/oha)}"
[ -x "$OHA" ] || { echo "oha missing: cargo install oha --locked" >&2; exit 1; }
cargo build --quiet --release --bin cap
target_dir="$(cargo metadata --format-version 1 --no-deps | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')"
CAP="$target_dir/release/cap"
work="$(mktemp -d)"; trap 'kill "${pid:-0}" 2>/dev/null || true; grep -i error "$work/server.log" | tail -n 3 >&2 || true; rm -rf "$work"' EXIT
export CAP_LOG=warn CAP_DATABASE_URL="sqlite://$work/cap.db" CAP_MAIL_OUTBOX="$work/outbox"
port=18687; base="http://127.0.0.1:$port"; export CAP_PUBLIC_URL="$base"

echo "generating $ORGS organisations:"; "$CAP" generate --organisations "$ORGS" 2>/dev/null | head -n 1
# An organisation whose latest campaign is consolidated and follows an earlier one with a plan.
read -r email campaign earlier < <(python3 - "$work/cap.db" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
row = db.execute("""
  SELECT u.email, c.id, p.campaign_id FROM campaigns c
  JOIN campaigns e ON e.organisation_id = c.organisation_id AND e.id < c.id
  JOIN plans p ON p.campaign_id = e.id
  JOIN memberships m ON m.organisation_id = c.organisation_id AND m.role = 'coordinator'
  JOIN users u ON u.id = m.user_id
  WHERE c.status = 'consolidation' ORDER BY c.id LIMIT 1""").fetchone()
print(*row)
PY
)
"$CAP" serve --addr "127.0.0.1:$port" >"$work/server.log" 2>&1 & pid=$!
for _ in $(seq 1 60); do curl -fs "$base/healthz" >/dev/null && break; sleep 0.5; done
curl -fs -c "$work/jar" -o /dev/null -d "email=$email&password=cap-demo-2026" "$base/sign-in"
cookie="$(awk '$6=="cap_session"{print "cap_session="$7}' "$work/jar")"
bytes="$(curl -fs -b "$work/jar" "$base/campaigns/$campaign/results" | wc -c)"
echo "campaign $campaign (compared with $earlier), signed in as $email; photographie page: $bytes bytes"

cat > "$work/row.py" <<'PY'
import json, sys
d = json.load(open(sys.argv[1])); s, p = d["summary"], d["latencyPercentiles"]; c = d.get("statusCodeDistribution", {})
print(f"| {sys.argv[2]} | {s['requestsPerSec']:.0f} | {p['p50']*1000:.2f} | {p['p99']*1000:.2f} | {sum(v for k, v in c.items() if k.startswith('2'))}/{sum(c.values())} |")
PY
run() { "$OHA" -z "${SECONDS_PER_RUN}s" -c "$CONNECTIONS" --no-tui --output-format json ${3:+-H "Cookie: $3"} "$base$2" > "$work/$1.json"; python3 "$work/row.py" "$work/$1.json" "$2"; }
echo; echo "| endpoint | requests/s | p50 (ms) | p99 (ms) | 2xx/total |"; echo "|---|---|---|---|---|"
run healthz /healthz
run results "/campaigns/$campaign/results" "$cookie"
run plan "/campaigns/$earlier/plan" "$cookie"
run board "/campaigns/$earlier/plan?view=board" "$cookie"
# Spreadsheets, one at a time (each is a download a person waits for).
xlsx_bytes="$(curl -fs -b "$work/jar" "$base/campaigns/$earlier/export/campagne.xlsx" | wc -c)"
echo "| (one connection) | | | | |"
CONNECTIONS=1 run xlsx "/campaigns/$earlier/export/campagne.xlsx" "$cookie"
CONNECTIONS=1 run csv "/campaigns/$earlier/export/plan-de-progres.csv" "$cookie"
echo "workbook: $xlsx_bytes bytes"
echo "resident memory peak: $(awk '/VmHWM/{print int($2/1024)}' "/proc/$pid/status") MB"
echo "machine: $(nproc) cores; $CONNECTIONS connections; ${SECONDS_PER_RUN}s each; SQLite"
