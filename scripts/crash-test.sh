#!/usr/bin/env bash
# Crash safety: concurrent writers (answers, workshop joins and votes, plan edits, review
# replies) through the real pages, the server killed with SIGKILL at a random moment of each
# round, restarted, and every acknowledged write looked up in the database, which must be sound
# (SQLite: integrity and foreign key checks; PostgreSQL: amcheck on every index, foreign and
# unique keys checked row by row). One database for all rounds, so each check covers every round
# before it. 127.0.0.1 only; stops by itself; fails on any loss or soundness problem.
#   usage: scripts/crash-test.sh ROUNDS sqlite|postgres     (CAP_BIN=path skips the build)
# PostgreSQL: a database cap_rel_crash on PGURL (default postgres://postgres@127.0.0.1:5432),
# dropped at the end; `psql` reads it.
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS="${1:?usage: scripts/crash-test.sh ROUNDS sqlite|postgres}"
ENGINE="${2:?usage: scripts/crash-test.sh ROUNDS sqlite|postgres}"
if [ -z "${CAP_BIN:-}" ]; then
  cargo build --quiet --release --bin cap
  target_dir="$(cargo metadata --format-version 1 --no-deps | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')"
  CAP_BIN="$target_dir/release/cap"
fi
work="$(mktemp -d)"
PGURL="${PGURL:-postgres://postgres@127.0.0.1:5432}"
cleanup() {
  rm -rf "$work"
  if [ "$ENGINE" = postgres ]; then psql "$PGURL/postgres" -qc "DROP DATABASE IF EXISTS cap_rel_crash WITH (FORCE)" >/dev/null 2>&1 || true; fi
}
trap cleanup EXIT
case "$ENGINE" in
  sqlite) url="sqlite://$work/cap.db" ;;
  postgres)
    PGOPTIONS=--client-min-messages=warning psql "$PGURL/postgres" -qc "DROP DATABASE IF EXISTS cap_rel_crash WITH (FORCE)" -c "CREATE DATABASE cap_rel_crash" >/dev/null
    url="$PGURL/cap_rel_crash" ;;
  *) echo "ENGINE: sqlite or postgres" >&2; exit 2 ;;
esac
port="${PORT:-38710}"
echo "# Crash test: $ROUNDS rounds on $ENGINE, $CAP_BIN"
echo "machine: $(nproc) cores, $(awk '/MemTotal/{printf "%.0f GiB", $2/1048576}' /proc/meminfo); $(date -u +%Y-%m-%d)"
status=0
python3 scripts/crash_test.py "$ROUNDS" "$ENGINE" "$CAP_BIN" "$work" "$port" "$url" || status=$?
if [ "$status" != 0 ]; then
  echo; echo "server log (last lines):"; tail -n 20 "$work/server.log" | sed 's/\x1b\[[0-9;]*m//g' | cut -c1-200
fi
exit "$status"
