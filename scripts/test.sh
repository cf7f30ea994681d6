#!/usr/bin/env bash
# The test command: every test, in order, each stage under a heading. Ends with a line
# `N passed, M failed` (stages) and exits non-zero if any stage failed.
#   scripts/test.sh            everything
# Stages: setup, native tests, WebAssembly tests (Node and headless Chromium), page build,
# end-to-end tests of the built page in Chromium (e2e.mjs, hostile.mjs), bounded fuzzing.
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
stage "page build (wasm, dist/, single.html)" scripts/build-site.sh
if [ -d dist ]; then
  stage "end-to-end test of the page in Chromium" node tests/e2e/e2e.mjs
  stage "hostile input, privacy, worker (Chromium)" node tests/e2e/hostile.mjs
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
