#!/usr/bin/env bash
# Resident memory of the server over repeated uploads (the plan's workbook sent back, a
# referential file, good practices with three 5 MB attachments), on a fresh SQLite database with
# the demo. Prints the memory at start, every 5 rounds, and 30 s after the last upload.
# 127.0.0.1 only; stops by itself.
#   usage: scripts/upload-memory.sh [ROUNDS=30]     (CAP_BIN=path skips the build)
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS="${1:-30}"
if [ -z "${CAP_BIN:-}" ]; then
  cargo build --quiet --release --bin cap
  target_dir="$(cargo metadata --format-version 1 --no-deps | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')"
  CAP_BIN="$target_dir/release/cap"
fi
work="$(mktemp -d)"; trap 'kill "${pid:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT
port="${PORT:-38730}"; base="http://127.0.0.1:$port"
export CAP_LOG="${CAP_LOG:-warn}" CAP_DATABASE_URL="sqlite://$work/cap.db" CAP_MAIL_OUTBOX="$work/outbox" CAP_PUBLIC_URL="$base"
"$CAP_BIN" serve --demo --addr "127.0.0.1:$port" >"$work/server.log" 2>&1 & pid=$!
for _ in $(seq 1 240); do curl -fs "$base/healthz" >/dev/null && break; sleep 0.5; done
echo "# Memory over uploads: $ROUNDS rounds, $CAP_BIN${MALLOC_ARENA_MAX:+, MALLOC_ARENA_MAX=$MALLOC_ARENA_MAX}"
echo "machine: $(nproc) cores, $(awk '/MemTotal/{printf "%.0f GiB", $2/1048576}' /proc/meminfo); SQLite; $(date -u +%Y-%m-%d)"
python3 scripts/upload_memory.py "$port" "$pid" "$ROUNDS" referentials/cap-exemple.toml "$work/cap.db"
