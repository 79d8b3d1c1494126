#!/usr/bin/env bash
# Coverage-guided fuzzing of one parser with AFL++ through cargo-afl, on the stable toolchain.
#
#   bash scripts/fuzz.sh TARGET MINUTES
#
# TARGET: referential | xlsx | markdown | form | workshop (fuzz/src/bin/TARGET.rs).
# Needs Debian's afl++ (apt-get install afl++) and cargo-afl (cargo install cargo-afl --locked).
# Starts from fuzz/corpus/TARGET, writes findings to fuzz/out/TARGET (not committed), stops by
# itself after MINUTES, and fails when AFL++ saved a crash or a hang. Each input is limited to
# 1 GiB of memory (-m) and 2 s (-t): going beyond counts as a crash or a hang.
set -euo pipefail
target=${1:?usage: scripts/fuzz.sh TARGET MINUTES}
minutes=${2:?usage: scripts/fuzz.sh TARGET MINUTES}
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root/fuzz"
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-/var/tmp/cap-fuzz-target}
cargo afl build --release --features "$target" --bin "$target"
mkdir -p "out/$target"
export AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_UI=1 AFL_NO_AFFINITY=1
cargo afl fuzz -i "corpus/$target" -o "out/$target" -m 1024 -t 2000 -V $((minutes * 60)) \
  "$CARGO_TARGET_DIR/release/$target" > "out/$target/fuzz.log" 2>&1 || true
stats="out/$target/default/fuzzer_stats"
[ -f "$stats" ] || { tail -30 "out/$target/fuzz.log"; exit 1; }
grep -E '^(run_time|execs_done|execs_per_sec|corpus_count|bitmap_cvg|saved_crashes|saved_hangs) ' "$stats"
crashes=$(awk '/^saved_crashes/ {print $3}' "$stats")
hangs=$(awk '/^saved_hangs/ {print $3}' "$stats")
if [ "$crashes" != 0 ] || [ "$hangs" != 0 ]; then
  echo "findings in fuzz/out/$target/default/{crashes,hangs}: turn each into a regression test" >&2
  exit 1
fi
