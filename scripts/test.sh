#!/usr/bin/env bash
# Runs the whole test suite: unit, storage and HTTP tests on SQLite and PostgreSQL, then the
# end-to-end tests in headless Chromium. Installs what is missing (Debian packages, npm modules).
set -euo pipefail
cd "$(dirname "$0")/.."

export CAP_TEST_POSTGRES_URL="${CAP_TEST_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"

say() { printf '\n==> %s\n' "$*"; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    echo "Need root to run: $* (install it by hand, or run as root)" >&2; return 1; fi
}

apt_updated=0
apt_install() {
  if [ "$apt_updated" = 0 ]; then as_root apt-get update -qq; apt_updated=1; fi
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "$@" >/dev/null
}

postgres_ready() {
  if command -v pg_isready >/dev/null; then
    pg_isready -q -d "$CAP_TEST_POSTGRES_URL"
  else
    (exec 3<>/dev/tcp/127.0.0.1/5432) 2>/dev/null
  fi
}

say "PostgreSQL at $CAP_TEST_POSTGRES_URL"
if ! postgres_ready; then
  if ! ls /etc/postgresql/*/main >/dev/null 2>&1; then
    echo "PostgreSQL is not installed: installing it."
    apt_install postgresql
  fi
  for version in $(ls /etc/postgresql 2>/dev/null); do
    as_root pg_ctlcluster --skip-systemctl-redirect "$version" main start 2>/dev/null || true
  done
  for _ in $(seq 1 30); do postgres_ready && break; sleep 1; done
  if ! postgres_ready; then
    echo "PostgreSQL does not answer at $CAP_TEST_POSTGRES_URL. Start it, or point CAP_TEST_POSTGRES_URL at a server where this user may create databases." >&2
    exit 1
  fi
fi

if ! command -v psql >/dev/null; then
  echo "psql is missing (the browser tests create a PostgreSQL database with it): installing it."
  apt_install postgresql-client
fi

say "Chromium for the browser tests"
if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  apt_install chromium chromium-driver
fi
export CHROMIUM_PATH="${CHROMIUM_PATH:-$(command -v chromium)}"

say "libfaketime for the journeys that span weeks (a server restarted days later)"
if [ ! -e /usr/lib/x86_64-linux-gnu/faketime/libfaketimeMT.so.1 ]; then
  apt_install faketime
fi

say "Poppler for reading the PDF reports back (pdftotext, pdfinfo, pdftoppm)"
if ! command -v pdftotext >/dev/null || ! command -v pdfinfo >/dev/null || ! command -v pdftoppm >/dev/null; then
  apt_install poppler-utils
fi

say "Schemathesis for the API's contract test"
# Installed from PyPI into a virtual environment outside the clone, reused while it holds the
# major version the test was written for. CAP_SCHEMATHESIS, when set, names another one.
if [ -z "${CAP_SCHEMATHESIS:-}" ]; then
  schemathesis_venv="${TMPDIR:-/tmp}/cap-schemathesis"
  if ! "$schemathesis_venv/bin/schemathesis" --version 2>/dev/null | grep -q 'version 4\.'; then
    if ! command -v python3 >/dev/null || ! python3 -c 'import ensurepip, venv' 2>/dev/null; then
      echo "Python's venv module is missing: installing it."
      apt_install python3 python3-venv
    fi
    rm -rf "$schemathesis_venv"
    python3 -m venv "$schemathesis_venv"
    "$schemathesis_venv/bin/pip" install --quiet --disable-pip-version-check 'schemathesis>=4,<5'
  fi
  export CAP_SCHEMATHESIS="$schemathesis_venv/bin/schemathesis"
fi
"$CAP_SCHEMATHESIS" --version

say "Rust tests (unit, storage and HTTP, on SQLite and PostgreSQL)"
if cargo nextest --version >/dev/null 2>&1; then
  cargo nextest run --workspace --no-fail-fast
else
  cargo test --workspace --no-fail-fast
fi

say "Browser tests (headless Chromium, axe-core)"
cargo build --bin cap
target_dir="$(cargo metadata --format-version 1 --no-deps | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')"
export CAP_BIN="$target_dir/debug/cap"
cd e2e
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
node --test --test-concurrency=1 tests/
