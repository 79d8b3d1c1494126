#!/usr/bin/env bash
# Plays the attacker with one ordinary machine against the server, on 127.0.0.1 only, and stops
# by itself (about three minutes): half-sent headers beyond the limit of open files, slow bodies,
# idle keep-alive connections, a connection flood, a burst of PDF reports during an autosave load,
# then SIGTERM with half-sent requests and a workshop stream open. The attacker connects from
# 127.0.0.2; the well-behaved clients it measures from 127.0.0.1. The server runs the demo on a
# fresh SQLite database with the default limits and `ulimit -n 1024` (systemd's default).
#   usage: scripts/hostile-clients.sh [debug|release]     (CAP_BIN=path skips the build)
set -euo pipefail
cd "$(dirname "$0")/.."
PROFILE="${1:-release}"
if [ -z "${CAP_BIN:-}" ]; then
  if [ "$PROFILE" = release ]; then cargo build --quiet --release --bin cap; else cargo build --quiet --bin cap; fi
  target_dir="$(cargo metadata --format-version 1 --no-deps | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')"
  CAP_BIN="$target_dir/$PROFILE/cap"
fi
work="$(mktemp -d)"; trap 'kill "${pid:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT
port=18690; base="http://127.0.0.1:$port"
export CAP_LOG="${CAP_LOG:-warn}" CAP_DATABASE_URL="sqlite://$work/cap.db" CAP_MAIL_OUTBOX="$work/outbox" CAP_PUBLIC_URL="$base"
(ulimit -n 1024; exec "$CAP_BIN" serve --demo --addr "127.0.0.1:$port") >"$work/server.log" 2>&1 & pid=$!
for _ in $(seq 1 120); do curl -fs "$base/healthz" >/dev/null && break; sleep 0.5; done
echo "# Hostile clients against $CAP_BIN ($PROFILE)"
echo "machine: $(nproc) cores, $(awk '/MemTotal/{printf "%.0f GiB", $2/1048576}' /proc/meminfo); SQLite; default limits"
python3 scripts/hostile_clients.py "$port" "$pid" "$work/cap.db"
wait "$pid" 2>/dev/null || true
echo; echo "server log (warnings):"; grep -v "^ *$" "$work/server.log" | grep -iE "warn|error" | sed 's/\x1b\[[0-9;]*m//g' | cut -c1-200 | sort | uniq -c | sort -rn | head -n 8
