#!/usr/bin/env bash
# Benchmark of answering, against the bar in PRODUCT.md §7: the answering page, the list of all
# indicators with their answers (the consolidation page), and answer saves, on a database made by
# `cap generate`, with /healthz as the baseline of the same run. 127.0.0.1 only; stops by itself.
#   usage: scripts/bench-answers.sh [organisations=200] [seconds=10] [connections=64]
set -euo pipefail
cd "$(dirname "$0")/.."
ORGS="${1:-200}"; SECONDS_PER_RUN="${2:-10}"; CONNECTIONS="${3:-64}"
OHA="${OHA:-$(command -v oha || echo /var/tmp/cargo-tools/bin/oha)}"
[ -x "$OHA" ] || { echo "oha missing: cargo install oha --locked" >&2; exit 1; }
cargo build --quiet --release --bin cap --example bench_saves
target_dir="$(cargo metadata --format-version 1 --no-deps | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')"
CAP="$target_dir/release/cap"; SAVES="$target_dir/release/examples/bench_saves"
work="$(mktemp -d)"; trap 'kill "${pid:-0}" 2>/dev/null || true; grep -i error "$work/server.log" | tail -n 3 >&2 || true; rm -rf "$work"' EXIT
export CAP_LOG=warn CAP_DATABASE_URL="sqlite://$work/cap.db" CAP_MAIL_OUTBOX="$work/outbox"
port=18686; base="http://127.0.0.1:$port"; export CAP_PUBLIC_URL="$base"

echo "generating $ORGS organisations:"; "$CAP" generate --organisations "$ORGS" 2>/dev/null | head -n 1
"$CAP" serve --addr "127.0.0.1:$port" >"$work/server.log" 2>&1 & pid=$!
for _ in $(seq 1 60); do curl -fs "$base/healthz" >/dev/null && break; sleep 0.5; done
curl -fs -c "$work/jar" -o /dev/null -d "email=gen0.0@generated.cap&password=cap-demo-2026" "$base/sign-in"
cookie="$(awk '$6=="cap_session"{print "cap_session="$7}' "$work/jar")"
get() { curl -fs -b "$work/jar" "$base$1"; }
org="$(get / | grep -o '/organisations/[0-9]*' | head -n1 | cut -d/ -f3)"
ref="$(get /referentials | python3 -c 'import re,sys; h=sys.stdin.read(); print(re.search(r"/referentials/(\d+)\">Cap — exemple<", h).group(1))')"
campaign="$(curl -fs -b "$work/jar" -o /dev/null -w '%{redirect_url}' -d "title=Banc+d+essai&referential=$ref" "$base/organisations/$org/campaigns/new" | grep -o '[0-9]*$')"
me="$(get "/campaigns/$campaign" | python3 -c 'import re,sys; h=sys.stdin.read(); print(re.search(r"<option value=\"(\d+)\"[^>]*>[^<]*gen0\.0@generated\.cap", h).group(1))')"
curl -fs -b "$work/jar" -o /dev/null -d "user=$me&college=direction" "$base/campaigns/$campaign/participants"
curl -fs -b "$work/jar" -o /dev/null -d "version=1" "$base/campaigns/$campaign/advance"
codes=""; page=1
while html="$(get "/campaigns/$campaign/answer/$page" 2>/dev/null)"; do
  codes="$codes$(printf '%s' "$html" | grep -o 'data-code="[^"]*"' | cut -d'"' -f2 | tr '\n' ',')"; page=$((page + 1))
done
codes="${codes%,}"; echo "campaign $campaign: $(echo "$codes" | tr ',' '\n' | wc -l) indicators on $((page - 1)) pages"

cat > "$work/row.py" <<'PY'
import json, sys
d = json.load(open(sys.argv[1])); s, p = d["summary"], d["latencyPercentiles"]; c = d.get("statusCodeDistribution", {})
print(f"| {sys.argv[2]} | {s['requestsPerSec']:.0f} | {p['p50']*1000:.2f} | {p['p99']*1000:.2f} | {sum(v for k, v in c.items() if k.startswith('2'))}/{sum(c.values())} |")
PY
run() { "$OHA" -z "${SECONDS_PER_RUN}s" -c "$CONNECTIONS" --no-tui --output-format json ${3:+-H "Cookie: $3"} "$base$2" > "$work/$1.json"; python3 "$work/row.py" "$work/$1.json" "$2"; }
rss() { awk '/VmRSS/{print int($2/1024)}' "/proc/$pid/status"; }
echo "resident memory before load: $(rss) MB"
echo; echo "| endpoint | requests/s | p50 (ms) | p99 (ms) | 2xx/total |"; echo "|---|---|---|---|---|"
run healthz /healthz
run answer "/campaigns/$campaign/answer/1" "$cookie"
run list "/campaigns/$campaign/consolidation" "$cookie"
python3 - "$("$SAVES" "$base" "$cookie" "$campaign" "$codes" "$SECONDS_PER_RUN" "$CONNECTIONS")" <<'PY'
import json, sys
d = json.loads(sys.argv[1])
print(f"| save one answer (POST, each a real write) | {d['per_second']} | {d['p50_ms']:.2f} | {d['p99_ms']:.2f} | {d['saves']}/{d['saves'] + d['errors']} |")
if d['errors']:
    print(f"refused saves by status: {d['error_statuses']}")
PY
echo "resident memory peak: $(awk '/VmHWM/{print int($2/1024)}' "/proc/$pid/status") MB"
echo "machine: $(nproc) cores; $CONNECTIONS connections; ${SECONDS_PER_RUN}s each; SQLite"
