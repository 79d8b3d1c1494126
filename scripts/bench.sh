#!/usr/bin/env bash
# One benchmark for every page, the saves and the workshops, on SQLite and PostgreSQL: each
# figure beside /healthz measured in the same round, three rounds, medians. 127.0.0.1 only; every
# load stops by itself. Prints the Markdown tables that head docs/PERFORMANCE.md.
#   usage: scripts/bench.sh [all|pages|saves|workshops] [--engines sqlite,postgres] [--seconds 5]
#          [--rounds 3] [--connections 64] [--organisations 200] [--network 10000] [--practices 20000]
#          [--encoding identity]
# Installs oha (cargo install) when missing; PostgreSQL is reached at $PGURL
# (default postgres://postgres@127.0.0.1:5432) with psql.
set -euo pipefail
cd "$(dirname "$0")/.."

tools="${CARGO_TOOLS:-/var/tmp/cargo-tools}"
OHA="${OHA:-$(command -v oha || echo "$tools/bin/oha")}"
if [ ! -x "$OHA" ]; then
  echo "installing oha into $tools (a few minutes, once)" >&2
  cargo install oha --locked --quiet --root "$tools"
  OHA="$tools/bin/oha"
fi
case " $* " in
  *" --engines sqlite "*) ;;
  *) command -v psql >/dev/null || { echo "psql is needed for the PostgreSQL round: apt-get install postgresql-client (or pass --engines sqlite)" >&2; exit 1; } ;;
esac

cargo build --quiet --release --bin cap --example bench_saves --example bench_commits --example bench_workshops
target_dir="$(cargo metadata --format-version 1 --no-deps | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')"
export OHA CAP_BIN="$target_dir/release/cap" SAVES_BIN="$target_dir/release/examples/bench_saves" \
  COMMITS_BIN="$target_dir/release/examples/bench_commits" \
  WORKSHOPS_BIN="$target_dir/release/examples/bench_workshops"
exec python3 scripts/bench.py "$@"
