#!/usr/bin/env bash
# Benchmarks of the referential engine, on 127.0.0.1 only, stopping by themselves:
#  1. validating, then importing, a generated referential of 1,000 indicators (hyperfine, whole
#     command including start-up, SQLite);
#  2. the explorer's search over it at 64 connections (oha), beside /healthz in the same run.
#   usage: scripts/bench-referentials.sh [seconds=10] [connections=64]
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_RUN="${1:-10}"
CONNECTIONS="${2:-64}"
OHA="${OHA:-$(command -v oha || echo /var/tmp/cargo-tools/bin/oha)}"
command -v hyperfine >/dev/null || { echo "hyperfine missing: apt-get install hyperfine" >&2; exit 1; }
[ -x "$OHA" ] || { echo "oha missing: cargo install oha --locked" >&2; exit 1; }
cargo build --quiet --release --bin cap
target_dir="$(cargo metadata --format-version 1 --no-deps | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')"
CAP="$target_dir/release/cap"
work="$(mktemp -d)"; trap 'kill "${pid:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT
export CAP_LOG=warn CAP_DATABASE_URL="sqlite://$work/cap.db" CAP_MAIL_OUTBOX="$work/outbox"

"$CAP" referential generate --indicators 1000 > "$work/gen.toml"
echo "generated: $(grep -c 'kind = "indicator"' "$work/gen.toml") indicators, $(wc -c < "$work/gen.toml") bytes"
hyperfine --warmup 2 --runs 15 --export-markdown "$work/validate.md" "$CAP referential validate $work/gen.toml" >/dev/null
# Each import run starts from a fresh copy of the database that has only the built-ins.
"$CAP" migrate >/dev/null && "$CAP" referential validate "$work/gen.toml" >/dev/null
cp "$work/cap.db" "$work/base.db"
hyperfine --warmup 1 --runs 10 --prepare "cp $work/base.db $work/cap.db; rm -f $work/cap.db-wal $work/cap.db-shm" \
  --export-markdown "$work/import.md" "$CAP referential import $work/gen.toml" >/dev/null
cat "$work/validate.md"; tail -n 1 "$work/import.md"

"$CAP" referential import "$work/gen.toml" >/dev/null 2>&1 || true
port=18383; base="http://127.0.0.1:$port"
"$CAP" serve --addr "127.0.0.1:$port" >"$work/server.log" 2>&1 & pid=$!
for _ in $(seq 1 60); do curl -fs "$base/healthz" >/dev/null && break; sleep 0.5; done
CAP_PUBLIC_URL="$base" "$CAP" user create-admin --email bench@example.org --name Bench | grep -o 'http[^ ]*' > "$work/link"
reset="$(cat "$work/link")"
curl -fs -o /dev/null -d "password=banc+d+essai+long&confirmation=banc+d+essai+long" "$reset"
curl -fs -c "$work/jar" -o /dev/null -d "email=bench@example.org&password=banc d essai long" "$base/sign-in"
cookie="$(awk '$6=="cap_session"{print "cap_session="$7}' "$work/jar")"
id="$(curl -fs -b "$work/jar" "$base/referentials" | grep -o '/referentials/[0-9]*' | sort -t/ -k3 -n | tail -n1)"
cat > "$work/row.py" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
s, p = d["summary"], d["latencyPercentiles"]
c = d.get("statusCodeDistribution", {})
ok = sum(v for k, v in c.items() if k.startswith("2"))
print(f"| {sys.argv[2]} | {s['requestsPerSec']:.0f} | {p['p50']*1000:.2f} | {p['p99']*1000:.2f} | {ok}/{sum(c.values())} |")
PY
run() {
  "$OHA" -z "${SECONDS_PER_RUN}s" -c "$CONNECTIONS" --no-tui --output-format json ${3:+-H "Cookie: $3"} "$base$2" > "$work/$1.json"
  python3 "$work/row.py" "$work/$1.json" "$2"
}
echo; echo "| endpoint | requests/s | p50 (ms) | p99 (ms) | 2xx/total |"; echo "|---|---|---|---|---|"
run healthz /healthz
run search "$id?q=pratique+n%C2%B0+42" "$cookie"
echo "machine: $(nproc) cores; connections $CONNECTIONS; ${SECONDS_PER_RUN}s each"
