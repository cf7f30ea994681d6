#!/usr/bin/env bash
# Fuzz the core with cargo-fuzz (libFuzzer), bounded in time.
#   scripts/fuzz.sh [SECONDS] [TARGET...]   default: 60 seconds for each of `annotate` and `export`
# The seed corpus is built at run time from seeds/*.txt and every `text` of
# tests/fixtures/*.toml into fuzz/corpus/<target>/ (not committed; libFuzzer adds to it).
# Installs cargo-fuzz (crates.io) if it is missing. The machine has only the stable toolchain, so the nightly
# flags cargo-fuzz uses (-Zsanitizer=address …) are enabled with RUSTC_BOOTSTRAP=1.
# A crash leaves its input in fuzz/artifacts/<target>/; reproduce it (from fuzz/) with
#   RUSTC_BOOTSTRAP=1 cargo fuzz run -O <target> artifacts/<target>/crash-…
# Long run by hand: scripts/fuzz.sh 3600
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
seconds=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(annotate export)

if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "[fuzz] installing cargo-fuzz (about a minute, once)"
  cargo install cargo-fuzz --locked || cargo install cargo-fuzz
fi

for t in "${targets[@]}"; do
  mkdir -p "fuzz/corpus/$t"
  python3 - "fuzz/corpus/$t" <<'PY'
import hashlib, pathlib, sys, tomllib
out = pathlib.Path(sys.argv[1])
texts = [p.read_text(encoding="utf-8") for p in sorted(pathlib.Path("seeds").glob("*.txt"))]
for p in sorted(pathlib.Path("tests/fixtures").glob("*.toml")):
    for case in tomllib.loads(p.read_text(encoding="utf-8")).get("case", []):
        if isinstance(case.get("text"), str):
            texts.append(case["text"])
for t in texts:
    data = t.encode("utf-8")
    (out / ("seed-" + hashlib.sha1(data).hexdigest()[:16])).write_bytes(data)
print(f"{out}: {len(texts)} seed inputs")
PY
done

cd fuzz
mkdir -p target
status=0
for t in "${targets[@]}"; do
  echo "=== fuzz $t for ${seconds}s"
  rc=0
  # -max_len: the seed articles are ~10 KB; let inputs grow past them.
  RUSTC_BOOTSTRAP=1 cargo fuzz run -O "$t" "corpus/$t" -- \
    -max_total_time="$seconds" -max_len=32768 -timeout=20 -rss_limit_mb=2048 -print_final_stats=1 \
    > "target/fuzz-$t.log" 2>&1 || rc=$?
  grep -E '^(#[0-9]+[[:space:]]+(INITED|DONE)|stat::number_of_executed_units|stat::peak_rss|==[0-9]+==|SUMMARY|Test unit written|thread .* panicked)' \
    "target/fuzz-$t.log" || true
  if [ "$rc" -ne 0 ]; then
    echo "fuzz $t: FAILED (exit $rc); full log in fuzz/target/fuzz-$t.log, input in fuzz/artifacts/$t/" >&2
    status=1
  fi
done
exit $status
