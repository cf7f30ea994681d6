#!/usr/bin/env bash
# The test command: every test, in order, each stage under a heading. Ends with a line
# `N passed, M failed` (stages) and exits non-zero if any stage failed.
#   scripts/test.sh            everything
# Stages: setup, native tests, WebAssembly tests (Node and headless Chromium), benchmarks
# build, page build, JavaScript unit tests (node --test tests/js/), one stage per end-to-end
# test file of the built page in Chromium (every tests/e2e/*.mjs but harness.mjs and the
# benchmarks bench-*.mjs), bounded fuzzing.
set -uo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
export CARGO_TERM_COLOR=${CARGO_TERM_COLOR:-never}
passed=0
failed=0
failures=()
stage() {
  local name=$1; shift
  printf '\n=== %s\n' "$name"
  local t0=$SECONDS
  if "$@"; then
    passed=$((passed + 1)); printf '=== %s: ok (%ss)\n' "$name" $((SECONDS - t0))
  else
    failed=$((failed + 1)); failures+=("$name"); printf '=== %s: FAILED (%ss)\n' "$name" $((SECONDS - t0))
  fi
}

stage "setup (toolchain, npm packages, chromium)" scripts/setup.sh --browser || true
stage "native tests (unit, fixtures, seeds, properties)" cargo test --locked
stage "WebAssembly tests (Node and headless Chromium)" cargo test --locked --target wasm32-unknown-unknown
# (Compiled, not run: timings belong to `cargo bench` by hand; this keeps it building.)
stage "benchmarks build (cargo bench --no-run)" cargo bench --locked --no-run
stage "page build (wasm, dist/, single.html)" scripts/build-site.sh
stage "JavaScript unit tests (node --test tests/js/)" node --test tests/js/
if [ -d dist ]; then
  # Every end-to-end file is picked up: e2e.mjs, hostile.mjs, offline.mjs, a11y.mjs, …
  for f in tests/e2e/*.mjs; do
    case "$(basename "$f")" in harness.mjs|bench-*.mjs) continue ;; esac
    stage "end-to-end: $(basename "$f") (Chromium)" node "$f"
  done
fi
# Bounded fuzzing of annotate and export (cargo-fuzz; FUZZ_SECONDS per target, 0 skips it).
# Long runs by hand: scripts/fuzz.sh 3600
if [ "${FUZZ_SECONDS:-30}" != 0 ]; then
  stage "fuzzing, ${FUZZ_SECONDS:-30} s a target (cargo-fuzz)" scripts/fuzz.sh "${FUZZ_SECONDS:-30}"
fi

printf '\n'
[ ${#failures[@]} -eq 0 ] || printf 'failed stages: %s\n' "${failures[*]}"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
