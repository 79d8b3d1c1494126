#!/usr/bin/env bash
# Soak test: USERS simulated people (participants autosaving, coordinators on consolidation and
# plan edits, delegates on the network's pages, phones voting in workshops, PDF and XLSX
# downloads) for MINUTES minutes, with each server's resident memory sampled every 10 s. On
# PostgreSQL, two servers share one database (people spread over both, as behind a load
# balancer). Data: the demo plus `cap generate --organisations ORGS` (default 80). 127.0.0.1
# only (clients from 127.0.0.2–41); stops by itself; fails on any error.
#   usage: scripts/soak.sh sqlite|postgres [MINUTES=10] [USERS=500]     (CAP_BIN=path skips the build)
# The client is Python with aiohttp, installed in a virtual environment under the temp dir.
set -euo pipefail
cd "$(dirname "$0")/.."
ENGINE="${1:?usage: scripts/soak.sh sqlite|postgres [MINUTES] [USERS]}"; MINUTES="${2:-10}"; USERS="${3:-500}"
ORGS="${ORGS:-80}"
if [ -z "${CAP_BIN:-}" ]; then
  cargo build --quiet --release --bin cap
  target_dir="$(cargo metadata --format-version 1 --no-deps | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')"
  CAP_BIN="$target_dir/release/cap"
fi
venv="${TMPDIR:-/tmp}/cap-soak-venv"
[ -x "$venv/bin/python" ] && "$venv/bin/python" -c 'import aiohttp' 2>/dev/null || {
  python3 -m venv "$venv" && "$venv/bin/pip" install --quiet aiohttp; }
work="$(mktemp -d)"
PGURL="${PGURL:-postgres://postgres@127.0.0.1:5432}"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
  if [ "$ENGINE" = postgres ]; then psql "$PGURL/postgres" -qc "DROP DATABASE IF EXISTS cap_rel_soak WITH (FORCE)" >/dev/null 2>&1 || true; fi
}
trap cleanup EXIT
case "$ENGINE" in
  sqlite) export CAP_DATABASE_URL="sqlite://$work/cap.db"; instances=1 ;;
  postgres)
    PGOPTIONS=--client-min-messages=warning psql "$PGURL/postgres" -qc "DROP DATABASE IF EXISTS cap_rel_soak WITH (FORCE)" -c "CREATE DATABASE cap_rel_soak" >/dev/null
    export CAP_DATABASE_URL="$PGURL/cap_rel_soak"; instances=2 ;;
  *) echo "ENGINE: sqlite or postgres" >&2; exit 2 ;;
esac
first_port="${PORT:-38720}"
export CAP_LOG="${CAP_LOG:-warn}" CAP_MAIL_OUTBOX="$work/outbox" CAP_PUBLIC_URL="http://127.0.0.1:$first_port"
wait_up() { for _ in $(seq 1 600); do curl -fs "http://127.0.0.1:$1/healthz" >/dev/null && return 0; sleep 0.5; done; return 1; }

echo "# Soak: $USERS people, $MINUTES minutes, $ENGINE, $instances server(s), $CAP_BIN"
echo "machine: $(nproc) cores, $(awk '/MemTotal/{printf "%.0f GiB", $2/1048576}' /proc/meminfo); $(date -u +%Y-%m-%d)"
# The demo first (loaded only into an empty database), then generated organisations.
"$CAP_BIN" serve --demo --addr "127.0.0.1:$first_port" >"$work/demo.log" 2>&1 & demo=$!; pids+=("$demo")
wait_up "$first_port"; kill -TERM "$demo"; wait "$demo" 2>/dev/null || true
"$CAP_BIN" generate --organisations "$ORGS" >/dev/null 2>&1
servers=""
for i in $(seq 0 $((instances - 1))); do
  port=$((first_port + i))
  (ulimit -n 65536 2>/dev/null || true; exec "$CAP_BIN" serve --addr "127.0.0.1:$port") >"$work/server$i.log" 2>&1 &
  pids+=("$!"); servers="${servers:+$servers,}$port:$!"
done
for i in $(seq 0 $((instances - 1))); do wait_up $((first_port + i)); done
echo "data: the demo and $ORGS generated organisations; servers (port:pid) $servers"
status=0
(ulimit -n 65536 2>/dev/null || true; exec "$venv/bin/python" scripts/soak.py "$ENGINE" "$CAP_DATABASE_URL" "$MINUTES" "$USERS" "$servers") || status=$?
echo; echo "server logs (warnings and errors):"
cat "$work"/server*.log | sed 's/\x1b\[[0-9;]*m//g' | grep -iE "warn|error" | cut -c1-200 | sed -E 's/^[0-9TZ:.-]+ //' | sort | uniq -c | sort -rn | head -n 10 || true
exit "$status"
