#!/usr/bin/env bash
# Benchmark of the good practices' pages on a network with many shared practices, with /healthz
# as the baseline of the same run: the published list (first page of 24 with its count), the list
# filtered on one indicator, an indicator's page (its latest six), the referential's tree (counts
# per indicator) and one practice. Data from `cap generate --network 0` then `--practices N`.
# Runs `rounds` rounds of oha per page; the ratios are per round, the median is reported.
# 127.0.0.1 only; stops by itself.
#   usage: scripts/bench-practices.sh [sqlite|postgres] [practices=20000] [organisations=2000] [seconds=8] [connections=64] [rounds=3]
set -euo pipefail
cd "$(dirname "$0")/.."
ENGINE="${1:-sqlite}"; PRACTICES="${2:-20000}"; ORGS="${3:-2000}"; SECONDS_PER_RUN="${4:-8}"; CONNECTIONS="${5:-64}"; ROUNDS="${6:-3}"
OHA="${OHA:-$(command -v oha || echo /var/tmp/cargo-tools/bin/oha)}"
[ -x "$OHA" ] || { echo "oha missing: cargo install oha --locked" >&2; exit 1; }
cargo build --quiet --release --bin cap
target_dir="$(cargo metadata --format-version 1 --no-deps | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')"
CAP="$target_dir/release/cap"
work="$(mktemp -d)"; trap 'kill "${pid:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT
export CAP_LOG=warn CAP_MAIL_OUTBOX="$work/outbox"
if [ "$ENGINE" = postgres ]; then
  PGURL="${PGURL:-postgres://postgres@127.0.0.1:5432}"
  psql "$PGURL/postgres" -qc "DROP DATABASE IF EXISTS cap_bench_practices" -c "CREATE DATABASE cap_bench_practices" >/dev/null
  export CAP_DATABASE_URL="$PGURL/cap_bench_practices"
  sql() { psql "$CAP_DATABASE_URL" -qAtc "$1"; }
else
  export CAP_DATABASE_URL="sqlite://$work/cap.db"
  sql() { python3 -c 'import sqlite3,sys; db=sqlite3.connect(sys.argv[1]); [print("|".join(map(str,r))) for r in db.execute(sys.argv[2])]; db.commit()' "$work/cap.db" "$1"; }
fi
port=18689; base="http://127.0.0.1:$port"; export CAP_PUBLIC_URL="$base"

echo "generating $ORGS organisations and $PRACTICES practices ($ENGINE):"
"$CAP" generate --organisations 1 >/dev/null 2>&1   # one organisation with people: its coordinator signs in
"$CAP" generate --organisations "$ORGS" --network 0 2>/dev/null | tail -n 1
"$CAP" generate --practices "$PRACTICES" 2>/dev/null | tail -n 1
# Fresh planner statistics after the bulk load, as autovacuum gives a live PostgreSQL server (on
# stale ones it takes the 17,000 published practices for one and walks them all).
if [ "$ENGINE" = postgres ]; then sql "ANALYZE" >/dev/null; fi
email="$(sql "SELECT email FROM users ORDER BY id LIMIT 1")"
version="$(sql "SELECT MAX(id) FROM referential_versions WHERE code = 'cap-exemple'")"
indicator="$(sql "SELECT gi.node_code FROM good_practice_indicators gi JOIN good_practices p ON p.id = gi.practice_id WHERE p.status = 'published' GROUP BY gi.node_code ORDER BY COUNT(*) DESC LIMIT 1")"
practice="$(sql "SELECT MAX(id) FROM good_practices WHERE status = 'published'")"
echo "rows: $(sql "SELECT COUNT(*) FROM good_practices") practices, $(sql "SELECT COUNT(*) FROM good_practices WHERE status = 'published'") published; $(sql "SELECT COUNT(*) FROM good_practice_indicators gi JOIN good_practices p ON p.id = gi.practice_id WHERE p.status = 'published' AND gi.node_code = '$indicator'") on $indicator"

"$CAP" serve --addr "127.0.0.1:$port" >"$work/server.log" 2>&1 & pid=$!
for _ in $(seq 1 120); do curl -fs "$base/healthz" >/dev/null && break; sleep 0.5; done
curl -fs -c "$work/jar" -o /dev/null -d "email=$email&password=cap-demo-2026" "$base/sign-in"
cookie="$(awk '$6=="cap_session"{print "cap_session="$7}' "$work/jar")"

pages=(
  "healthz|/healthz"
  "list|/practices"
  "indicator-list|/practices?indicator=$indicator"
  "indicator-page|/referentials/$version/nodes/$indicator"
  "tree|/referentials/$version"
  "practice|/practices/$practice"
)
for entry in "${pages[@]}"; do
  status="$(curl -s -o /dev/null -w '%{http_code}' -b "$work/jar" "$base${entry#*|}")"
  [ "$status" = 200 ] || { echo "${entry#*|} answers $status" >&2; exit 1; }
done
for round in $(seq 1 "$ROUNDS"); do
  for entry in "${pages[@]}"; do
    name="${entry%%|*}"; path="${entry#*|}"
    "$OHA" -z "${SECONDS_PER_RUN}s" -c "$CONNECTIONS" --no-tui --output-format json -H "Cookie: $cookie" "$base$path" > "$work/$name.$round.json"
  done
done
python3 - "$work" "$ROUNDS" "${pages[@]}" <<'PY'
import json, statistics, sys
work, rounds, pages = sys.argv[1], int(sys.argv[2]), [p.split("|", 1) for p in sys.argv[3:]]
def load(name, r):
    d = json.load(open(f"{work}/{name}.{r}.json")); c = d.get("statusCodeDistribution", {})
    return d["summary"]["requestsPerSec"], d["latencyPercentiles"], sum(v for k, v in c.items() if k.startswith("2")), sum(c.values())
print("| page | requests/s (median) | p50 (ms) | p95 (ms) | p99 (ms) | 2xx/total | throughput / baseline (per round) |")
print("|---|---|---|---|---|---|---|")
for name, path in pages:
    runs = [load(name, r) for r in range(1, rounds + 1)]
    base = [load("healthz", r)[0] for r in range(1, rounds + 1)]
    ratios = [rps / b for (rps, *_), b in zip(runs, base)]
    mid = sorted(runs, key=lambda x: x[0])[len(runs) // 2]
    rps, p, ok, total = mid
    print(f"| `{path}` | {rps:.0f} | {p['p50']*1000:.2f} | {p['p95']*1000:.2f} | {p['p99']*1000:.2f} | {ok}/{total} | {statistics.median(ratios):.3f} ({', '.join(f'{x:.3f}' for x in ratios)}) |")
PY
echo "resident memory peak: $(awk '/VmHWM/{print int($2/1024)}' "/proc/$pid/status") MB"
echo "machine: $(nproc) cores; $CONNECTIONS connections; ${SECONDS_PER_RUN}s per run; $ROUNDS rounds; $ENGINE"
